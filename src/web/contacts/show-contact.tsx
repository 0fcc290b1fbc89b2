import { readContact } from '../../domain/contacts/read-contact.js';
import { summariseContacts } from '../../domain/contacts/summarise-contacts.js';
import type { Deps } from '../../domain/context.js';
import { guardsFor } from '../../domain/decisions/guards.js';
import { ErrorSummary, type FieldErrors } from '../components.js';
import { DecisionForm, DecisionHistory } from '../decisions/decision-section.js';
import { sessionOf, webVerbContext, type WebContext, pathParam } from '../session.js';
import type { FormValues } from '../form-values.js';
import { SharingLedger } from '../sharing/sharing-ledger.js';
import { ContactPage } from './contact-page.js';
import { mayOpen } from '../page-access.js';

/** One contact's page: its triage, its decisions, and what the person signed in may do next. */
export async function showContact(c: WebContext, deps: Deps, form: FormValues = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) {
  const session = sessionOf(c);
  const contact = await readContact({ ctx: webVerbContext(c, deps), contactId: pathParam(c, 'id') });
  const guards = await guardsFor(deps.db, deps, contact.triage.ruleSet.hash);
  const below = (
    <>
      <DecisionHistory contact={contact} />
      {contact.status === 'awaiting_decision' && session.role === 'screener' ? <DecisionForm session={session} contact={contact} form={form} errors={errors} guards={guards} /> : null}
      {contact.status === 'decided' && (session.role === 'screener' || session.role === 'manager') ? (
        <form method="post" action={`/contacts/${contact.id}/close`} novalidate>
          <ErrorSummary errors={errors.confirmClose ? { confirmClose: errors.confirmClose } : {}} />
          <input type="hidden" name="csrf" value={session.csrf} />
          {errors.confirmClose ? <p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {errors.confirmClose}</p> : null}
          <div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-3">
            <div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id="confirmClose" name="confirm" type="checkbox" value="yes" />
              <label class="govuk-label govuk-checkboxes__label" for="confirmClose">I have finished with this contact: close it</label>
            </div>
          </div>
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Close the contact</button>
        </form>
      ) : null}
      {mayOpen(session.role, `/contacts/${contact.id}/trail`) ? <p class="govuk-body"><a class="govuk-link" href={`/contacts/${contact.id}/trail`}>Trail of this contact</a></p> : null}
      <SharingLedger db={deps.db} la={session.la} contactId={contact.id} />
      {(contact.status === 'decided' || contact.status === 'closed') && session.role !== 'auditor' ? <p class="govuk-body"><a class="govuk-link" href={`/contacts/${contact.id}/family-explanation`}>Explain the decision to the family</a></p> : null}
    </>
  );
  const summary = (await summariseContacts({ ctx: webVerbContext(c, deps), ids: [contact.id] })).get(contact.id);
  return c.html(<ContactPage session={session} contact={contact} summary={summary} done={c.req.query('done')} below={below} hasErrors={Object.keys(errors).length > 0} />, status);
}
