import type { AuditSample } from '../../domain/audit/draw-sample.js';
import { ErrorSummary, formatInstant, PriorityTag, Select, TextInput, type FieldErrors } from '../components.js';
import { Checkboxes } from '../choices.js';
import { OUTCOME_OPTIONS } from '../decisions/decision-form.js';
import { ContactName, type Summaries } from '../contact-name.js';
import { Layout } from '../layout.js';
import { outcomeWords, REFERRER_GROUP_OPTIONS } from '../code-words.js';
import type { WebSession } from '../session.js';
import { countOf } from '../../lib/plural.js';

export type SampleForm = Record<string, string | string[] | undefined>;
const one = (form: SampleForm, key: string) => { const v = form[key]; return Array.isArray(v) ? v[0] : v; };
const many = (form: SampleForm, key: string) => { const v = form[key]; return (Array.isArray(v) ? v : v ? v.split(',') : []).filter(Boolean); };

/** Draw a reproducible sample of closed contacts, read each one, take the CSV away. */
export function AuditPage({ session, form, sample, errors, csvHref, summaries = new Map() }: { session: WebSession; form: SampleForm; sample: AuditSample | null; errors: FieldErrors; csvHref: string | null; summaries?: Summaries }) {
  return (
    <Layout title="Audit sample" session={session} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Sample closed contacts</h1>
      <form method="get" action="/audit" novalidate>
        <input type="hidden" name="draw" value="1" />
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <TextInput id="closedFrom" name="closedFrom" label="Closed from (YYYY-MM-DD)" width="10" value={one(form, 'closedFrom')} error={errors.closedFrom} />
            <TextInput id="closedTo" name="closedTo" label="Closed to (YYYY-MM-DD)" width="10" value={one(form, 'closedTo')} error={errors.closedTo} />
            <TextInput id="maxAgeMonths" name="maxAgeMonths" label="Youngest child at most (months)" hint="36 for children aged three and under" width="3" value={one(form, 'maxAgeMonths')} error={errors.maxAgeMonths} />
            <Select id="referrerGroup" name="referrerGroup" label="Referrer" blank="Any" options={REFERRER_GROUP_OPTIONS} value={one(form, 'referrerGroup')} />
            <Select id="overridden" name="overridden" label="Decision departed from the triage" blank="Either" options={[['true', 'Yes'], ['false', 'No']]} value={one(form, 'overridden')} />
            <TextInput id="screener" name="screener" label="Screener (user id)" width="20" value={one(form, 'screener')} />
          </div>
          <div class="govuk-grid-column-one-half">
            <Checkboxes id="outcome" name="outcome" label="Outcome that stood" options={OUTCOME_OPTIONS} values={many(form, 'outcome')} error={errors.outcome} />
            <Checkboxes id="priority" name="priority" label="Priority" options={[['red', 'Red'], ['amber', 'Amber'], ['green', 'Green']]} values={many(form, 'priority')} />
            <TextInput id="size" name="size" label="How many" width="3" value={one(form, 'size') ?? '20'} error={errors.size} />
            <TextInput id="seed" name="seed" label="Seed" hint="The same seed over the same data draws the same sample; leave blank for a new one" width="20" value={one(form, 'seed')} error={errors.seed} />
          </div>
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">Draw sample</button>
      </form>
      {sample ? (
        <>
          <h2 class="govuk-heading-m">{countOf(sample.count, 'contact')}, seed <code>{sample.seed}</code></h2>
          {csvHref ? <p class="govuk-body"><a class="govuk-link" href={csvHref} download>Download as CSV</a></p> : null}
          <table class="govuk-table">
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Contact</th><th scope="col" class="govuk-table__header">Priority</th>
              <th scope="col" class="govuk-table__header">Outcome</th><th scope="col" class="govuk-table__header">Closed</th>
            </tr></thead>
            <tbody class="govuk-table__body">
              {sample.contacts.map((c) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell"><ContactName href={`/contacts/${c.id}`} summary={summaries.get(c.id)} /> · <a class="govuk-link" href={`/contacts/${c.id}/trail`}>trail</a></td>
                  <td class="govuk-table__cell"><PriorityTag priority={c.triage.priority} /></td>
                  <td class="govuk-table__cell">{outcomeWords(c.finalOutcome)}</td>
                  <td class="govuk-table__cell">{formatInstant(c.closedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Layout>
  );
}
