import { Hono } from 'hono';
import type { Deps } from '../../domain/context.js';
import { listContacts } from '../../domain/contacts/list-contacts.js';
import { summariseContacts } from '../../domain/contacts/summarise-contacts.js';
import { recordContact } from '../../domain/contacts/record-contact.js';
import { ValidationFailed } from '../../domain/errors.js';
import { zodFieldErrors } from '../../http/problem.js';
import { ContactInputSchema } from '../../schemas/contact.schema.js';
import { sessionOf, webVerbContext, type WebEnv } from '../session.js';
import { contactFromForm } from './contact-form.js';
import { DEFAULT_CHANNEL } from './contact-form-labels.js';
import { formErrors } from './contact-form-errors.js';
import { value, type FormValues } from '../form-values.js';
import { ContactsPage } from './contacts-page.js';
import { RecordContactPage } from './record-contact-page.js';
import { showContact } from './show-contact.js';

export function londonNowParts(now: Date): FormValues {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(now).map((p) => [p.type, p.value]));
  return { 'receivedDate.day': parts.day ?? '', 'receivedDate.month': parts.month ?? '', 'receivedDate.year': parts.year ?? '', receivedTime: `${parts.hour}:${parts.minute}` };
}

/** Recording a contact, the screener's list, and one contact's page. */
export function contactRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  app.get('/contacts/new', (c) => c.html(<RecordContactPage session={sessionOf(c)} form={{ childCount: '1', adultCount: '1', channel: DEFAULT_CHANNEL, ...londonNowParts(deps.clock.now()) }} errors={{}} />));
  app.post('/contacts/new', async (c) => {
    const session = sessionOf(c);
    const form = (await c.req.parseBody({ all: true })) as FormValues;
    const action = value(form, 'action');
    const more = /^(add|remove)-(child|adult)$/.exec(action);
    if (more) {
      const key = more[2] === 'child' ? 'childCount' : 'adultCount';
      const count = Number(value(form, key) || '1');
      if (more[1] === 'add') return c.html(<RecordContactPage session={session} form={{ ...form, [key]: String(count + 1) }} errors={{}} />);
      // Removing takes the last one and its answers.
      const prefix = `${more[2] === 'child' ? 'children' : 'adults'}.${count - 1}.`;
      const kept = Object.fromEntries(Object.entries(form).filter(([name]) => !name.startsWith(prefix)));
      return c.html(<RecordContactPage session={session} form={{ ...kept, [key]: String(Math.max(1, count - 1)) }} errors={{}} />);
    }
    const parsed = ContactInputSchema.safeParse(contactFromForm(form, deps.settings.forAuthority(session.la).values.timeZone));
    if (!parsed.success) {
      return c.html(<RecordContactPage session={session} form={form} errors={formErrors(zodFieldErrors(parsed.error))} />, 400);
    }
    try {
      const contact = await recordContact({ ctx: webVerbContext(c, deps), input: parsed.data });
      return c.redirect(`/contacts/${contact.id}`, 303);
    } catch (error) {
      if (error instanceof ValidationFailed) return c.html(<RecordContactPage session={session} form={form} errors={formErrors(error.errors)} />, 400);
      throw error;
    }
  });

  app.get('/contacts', async (c) => {
    const contacts = await listContacts({ ctx: webVerbContext(c, deps) });
    const summaries = await summariseContacts({ ctx: webVerbContext(c, deps), ids: contacts.map((x) => x.id) });
    return c.html(<ContactsPage session={sessionOf(c)} contacts={contacts} summaries={summaries} />);
  });
  app.get('/contacts/:id', (c) => showContact(c, deps));
  return app;
}
