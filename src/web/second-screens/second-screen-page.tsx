import type { readSecondScreen } from '../../domain/second-screens/read-second-screen.js';
import type { Prompt } from '../../rules/evaluate.js';
import { ErrorSummary, formatInstant, PriorityTag, Select, SummaryList, Textarea, type FieldErrors } from '../components.js';
import { value, type FormValues } from '../form-values.js';
import { Layout } from '../layout.js';
import { labelOf, OUTCOME_OPTIONS } from '../second-opinion-labels.js';
import type { WebSession } from '../session.js';
import { ContactAccount, CsrfField, JudgementFields, PromptList } from '../second-opinion-parts.js';
import { present } from '../../lib/one-of.js';

type Read = Awaited<ReturnType<typeof readSecondScreen>>;
type Whole = Extract<Read['secondScreen'], { criterion: string }>;

function BlindScreen({ session, read, form, errors }: { session: WebSession; read: Read; form: FormValues; errors: FieldErrors }) {
  const contact = present(read.contact, 'contact');
  return (
    <>
      <p class="govuk-body"><PriorityTag priority={contact.triage.priority} /> Received {formatInstant(contact.receivedAt)}</p>
      <div class="govuk-inset-text">This contact has been decided by a colleague. Screen it as if it were new; their decision is shown once you have recorded yours.</div>
      <ContactAccount contact={contact} />
      <PromptList prompts={contact.triage.prompts as Prompt[]} />
      <h2 class="govuk-heading-m" id="screen">Your screen</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/second-screens/${read.secondScreen.id}`} novalidate>
        <CsrfField csrf={session.csrf} />
        <JudgementFields form={form} errors={errors} rationaleHint="What you weighed, as you would for a decision of your own" />
        <button type="submit" class="govuk-button" data-module="govuk-button">Record your screen</button>
      </form>
    </>
  );
}

function Comparison({ screen }: { screen: Whole }) {
  return (
    <>
      {screen.agrees === null ? <p class="govuk-body">Not screened yet.</p> : (
        <div class={`govuk-inset-text app-${screen.agrees ? 'agreed' : 'differed'}`}>
          <strong>{screen.agrees ? 'The two screens agree on the outcome.' : 'The two screens differ on the outcome.'}</strong>
          {screen.status === 'awaiting_settlement' ? ' A manager will settle which stands.' : null}
        </div>
      )}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-s">First decision</h2>
          <SummaryList rows={[['Outcome that stood', labelOf(screen.first.outcome)], ['By', screen.first.decidedBy]]} />
        </div>
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-s">Second screen</h2>
          {screen.second ? (
            <SummaryList rows={[
              ['Outcome', labelOf(screen.second.outcome)], ['Route', labelOf(screen.second.route)], ['Urgency', labelOf(screen.second.urgency)],
              ['Reasons', screen.second.rationale], ['By', `${screen.second.screener}, ${formatInstant(screen.second.screenedAt)}`],
            ]} />
          ) : <p class="govuk-body">Waiting for a screener.</p>}
        </div>
      </div>
      {screen.settlement ? (
        <>
          <h2 class="govuk-heading-s">Settled</h2>
          <SummaryList rows={[
            ['Stands', `${screen.settlement.standing === 'neither' ? 'Neither' : `The ${screen.settlement.standing} screen`}: ${labelOf(screen.settlement.outcome)}`],
            ['Reasons', screen.settlement.rationale],
            ['By', `${screen.settlement.settledBy}, ${formatInstant(screen.settlement.settledAt)}`],
            ['The contact', screen.settlement.reopened ? 'Reopened for a new decision' : 'Left as it stood'],
          ]} />
        </>
      ) : null}
    </>
  );
}

function SettleForm({ session, screen, form, errors }: { session: WebSession; screen: Whole; form: FormValues; errors: FieldErrors }) {
  const standings: [string, string][] = [
    ['first', `The first decision stands: ${labelOf(screen.first.outcome)}`],
    ['second', `The second screen stands: ${labelOf(screen.second?.outcome)}`],
    ['neither', 'Neither: another outcome stands'],
  ];
  return (
    <>
      <h2 class="govuk-heading-m" id="settle">Settle</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/second-screens/${screen.id}/settlement`} novalidate>
        <CsrfField csrf={session.csrf} />
        <div class={`govuk-form-group${errors.standing ? ' govuk-form-group--error' : ''}`}>
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Which outcome stands?</legend>
            {errors.standing ? <p id="standing-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {errors.standing}</p> : null}
            <div class="govuk-radios" data-module="govuk-radios">
              {standings.map(([v, label], i) => (
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id={i === 0 ? 'standing' : `standing-${v}`} name="standing" type="radio" value={v} checked={value(form, 'standing') === v} />
                  <label class="govuk-label govuk-radios__label" for={i === 0 ? 'standing' : `standing-${v}`}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <Select id="outcome" name="outcome" label="If neither, the outcome that stands" blank="Not needed" options={OUTCOME_OPTIONS} value={value(form, 'outcome')} error={errors.outcome} />
        <Textarea id="rationale" name="rationale" label="Your reasons" hint="Both screeners will read them" rows={4} value={value(form, 'rationale')} error={errors.rationale} />
        <p class="govuk-body-s">If the outcome that stands is not the one that stood and the contact is still open, it goes back for a new decision, due now.</p>
        <button type="submit" class="govuk-button" data-module="govuk-button">Settle</button>
      </form>
    </>
  );
}

/** One second screen: blind for the screener taking it, the comparison once done, and the manager’s settlement. */
export function SecondScreenPage({ session, read, form = {}, errors = {} }: { session: WebSession; read: Read; form?: FormValues; errors?: FieldErrors }) {
  const screen = read.secondScreen;
  const whole = 'criterion' in screen ? (screen as Whole) : null;
  return (
    <Layout title={`Second screen of ${screen.contactId}`} session={session} hasErrors={Object.keys(errors).length > 0}>
      <span class="govuk-caption-l">Contact {screen.contactId}</span>
      <h1 class="govuk-heading-l">Second screen</h1>
      {whole ? (
        <>
          {session.role === 'manager' ? (
            <SummaryList rows={[
              ['Why drawn', whole.criterion.replace(/_/g, ' ')], ['Draw', whole.drawId], ['Drawn', formatInstant(whole.selectedAt)],
              ['The contact', <a class="govuk-link" href={`/contacts/${whole.contactId}`}>Triage, decisions and trail</a>],
            ]} />
          ) : null}
          <Comparison screen={whole} />
          {session.role === 'manager' && whole.status === 'awaiting_settlement' ? <SettleForm session={session} screen={whole} form={form} errors={errors} /> : null}
        </>
      ) : <BlindScreen session={session} read={read} form={form} errors={errors} />}
    </Layout>
  );
}
