import { Hono } from 'hono';
import { closeContact } from '../../domain/contacts/close-contact.js';
import { readContact } from '../../domain/contacts/read-contact.js';
import type { Deps } from '../../domain/context.js';
import { decideContact } from '../../domain/decisions/decide-contact.js';
import { guardsFor } from '../../domain/decisions/guards.js';
import { ValidationFailed } from '../../domain/errors.js';
import { zodFieldErrors } from '../../http/problem.js';
import type { Prompt } from '../../rules/evaluate.js';
import { DecisionInputSchema } from '../../schemas/decision.schema.js';
import { value, type FormValues } from '../form-values.js';
import { showContact } from '../contacts/show-contact.js';
import { webVerbContext, type WebEnv } from '../session.js';
import { decisionErrors, decisionFromForm, promptsNeeded } from './decision-form.js';

/** A screener's decision on a contact, and closing a decided contact. */
export function decisionRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  app.post('/contacts/:id/decision', async (c) => {
    const form = (await c.req.parseBody({ all: true })) as FormValues;
    const ctx = webVerbContext(c, deps);
    const { triage } = await readContact({ ctx, contactId: c.req.param('id') });
    const prompts = triage.prompts as Prompt[];
    const { body, answeredActions } = decisionFromForm(form, prompts);
    const needed = promptsNeeded(prompts, await guardsFor(deps.db, deps, triage.ruleSet.hash), value(form, 'outcome'));
    const parsed = DecisionInputSchema.safeParse(body);
    if (!parsed.success) return showContact(c, deps, form, decisionErrors(zodFieldErrors(parsed.error), answeredActions, needed, prompts), 400);
    try {
      const decided = await decideContact({ ctx, contactId: c.req.param('id'), input: parsed.data });
      return c.redirect(`/contacts/${c.req.param('id')}?done=${decided.contactStatus === 'awaiting_review' ? 'queued' : 'decided'}`, 303);
    } catch (error) {
      if (error instanceof ValidationFailed) return showContact(c, deps, form, decisionErrors(error.errors, answeredActions, needed, prompts), 400);
      throw error;
    }
  });

  app.post('/contacts/:id/close', async (c) => {
    const form = (await c.req.parseBody({ all: true })) as FormValues;
    // Closing ends the screener's work on it: one click is not enough.
    if (value(form, 'confirm') !== 'yes') return showContact(c, deps, {}, { confirmClose: 'Tick the box to confirm that you have finished with this contact' }, 400);
    await closeContact({ ctx: webVerbContext(c, deps), contactId: c.req.param('id') });
    return c.redirect(`/contacts/${c.req.param('id')}?done=closed`, 303);
  });

  // A reload or a bookmark of a form's address after a failed submit: back to the page, not a 404.
  app.get('/contacts/:id/decision', (c) => c.redirect(`/contacts/${c.req.param('id')}#decision`, 303));
  app.get('/contacts/:id/close', (c) => c.redirect(`/contacts/${c.req.param('id')}`, 303));
  return app;
}
