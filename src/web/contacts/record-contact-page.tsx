import { ErrorSummary, type FieldErrors } from '../components.js';
import { count, MAX_FORM_ADULTS, MAX_FORM_CHILDREN, type FormValues } from '../form-values.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';
import { Children } from './child-fields.js';
import { HouseholdAndHistory } from './household-history.js';
import { ScreenersView } from './screeners-view.js';
import { WhatHappened } from './what-happened.js';
import { WhoReferred } from './who-referred.js';

interface Props { session: WebSession; form: FormValues; errors: FieldErrors }

const SECTIONS: [string, string][] = [
  ['section-referrer', 'Who referred'], ['section-children', 'The children'], ['section-what-happened', 'What happened'],
  ['section-household', 'The household and history'], ['section-view', 'Your view'],
];

/**
 * Record a contact, in the order a call goes: who referred, the children,
 * what happened, the household and history, and the screener's view.
 * Follow-up questions show only once their answer makes them apply; without
 * JavaScript every question shows.
 */
export function RecordContactPage({ session, form, errors }: Props) {
  const f = { form, errors };
  return (
    <Layout title="Record a contact" session={session} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">Record a contact</h1>
      <nav aria-label="Sections of the form">
        <ol class="govuk-list govuk-list--number">
          {SECTIONS.map(([id, title]) => <li><a class="govuk-link" href={`#${id}`}>{title}</a></li>)}
        </ol>
      </nav>
      <form method="post" action="/contacts/new" novalidate>
        {/* The form's default button, so that Enter in a text field records the contact rather than adding a child. */}
        <button type="submit" name="action" value="default" hidden>Record and triage</button>
        <input type="hidden" name="csrf" value={session.csrf} />
        <input type="hidden" name="childCount" value={String(count(form, 'childCount', MAX_FORM_CHILDREN))} />
        <input type="hidden" name="adultCount" value={String(count(form, 'adultCount', MAX_FORM_ADULTS))} />
        <WhoReferred f={f} />
        <Children f={f} />
        <WhatHappened f={f} />
        <HouseholdAndHistory f={f} />
        <ScreenersView f={f} />
        <button type="submit" name="action" value="record" class="govuk-button" data-module="govuk-button">Record and triage</button>
      </form>
    </Layout>
  );
}
