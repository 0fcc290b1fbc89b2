import { Hono } from 'hono';
import { etagOf } from '../../domain/contacts/contact-view.js';
import { readContact } from '../../domain/contacts/read-contact.js';
import { summariseContacts } from '../../domain/contacts/summarise-contacts.js';
import type { Deps } from '../../domain/context.js';
import { PreconditionFailed, ValidationFailed, type FieldError } from '../../domain/errors.js';
import { listReviewQueue } from '../../domain/reviews/list-review-queue.js';
import { reviewDecision } from '../../domain/reviews/review-decision.js';
import { zodFieldErrors } from '../../http/problem.js';
import { ReviewInputSchema } from '../../schemas/decision.schema.js';
import type { FieldErrors } from '../components.js';
import { value, type FormValues } from '../form-values.js';
import { fieldErrorsInWords, type Question } from '../messages.js';
import { sessionOf, webVerbContext, type WebContext, type WebEnv, pathParam } from '../session.js';
import { ReviewPage } from './review-page.js';
import { ReviewQueuePage } from './review-queue-page.js';

const QUESTIONS: Record<string, Question> = {
  verdict: { what: 'your verdict: endorse, overturn or return', kind: 'choose' },
  rationale: { what: 'your reasons', kind: 'reasons' },
  outcome: { what: 'the new outcome', kind: 'choose' },
};

/** A manager's queue of flagged decisions and the review of one. */
export function reviewRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  app.get('/reviews', async (c) => {
    const queue = await listReviewQueue({ ctx: webVerbContext(c, deps) });
    const summaries = await summariseContacts({ ctx: webVerbContext(c, deps), ids: queue.items.map((i) => i.contactId) });
    return c.html(<ReviewQueuePage session={sessionOf(c)} queue={queue} summaries={summaries} done={c.req.query('done')} />);
  });

  const reviewPage = async (c: WebContext, form: FormValues = {}, errors: FieldErrors = {}, stale = false, status: 200 | 400 | 409 = 200) => {
    const contact = await readContact({ ctx: webVerbContext(c, deps), contactId: pathParam(c, 'id') });
    const summary = (await summariseContacts({ ctx: webVerbContext(c, deps), ids: [contact.id] })).get(contact.id);
    return c.html(<ReviewPage session={sessionOf(c)} contact={contact} summary={summary} etag={etagOf(contact)} form={stale ? {} : form} errors={errors} stale={stale} />, status);
  };
  app.get('/reviews/:id', (c) => reviewPage(c));
  app.post('/reviews/:id', async (c) => {
    const form = (await c.req.parseBody({ all: true })) as FormValues;
    const parsed = ReviewInputSchema.safeParse({
      verdict: value(form, 'verdict') || undefined,
      rationale: value(form, 'rationale'),
      ...(value(form, 'outcome') ? { outcome: value(form, 'outcome') } : {}),
    });
    const toErrors = (errors: readonly FieldError[]) => fieldErrorsInWords(errors, QUESTIONS, 'verdict');
    if (!parsed.success) return reviewPage(c, form, toErrors(zodFieldErrors(parsed.error)), false, 400);
    try {
      await reviewDecision({ ctx: webVerbContext(c, deps), contactId: c.req.param('id'), ifMatch: value(form, 'etag'), input: parsed.data });
    } catch (error) {
      // Someone else acted first: show the contact as it now stands rather than overwrite their judgement.
      if (error instanceof PreconditionFailed) return reviewPage(c, form, {}, true, 409);
      if (error instanceof ValidationFailed) return reviewPage(c, form, toErrors(error.errors), false, 400);
      throw error;
    }
    return c.redirect('/reviews?done=reviewed', 303);
  });
  return app;
}
