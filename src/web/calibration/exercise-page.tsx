import type { readExercise } from '../../domain/calibration/read-exercise.js';
import type { Prompt } from '../../rules/evaluate.js';
import { ErrorSummary, PriorityTag, SummaryList, type FieldErrors } from '../components.js';
import type { FormValues } from '../form-values.js';
import { Layout } from '../layout.js';
import { labelOf } from '../second-opinion-labels.js';
import type { WebSession } from '../session.js';
import { ContactAccount, CsrfField, JudgementFields, PromptList } from '../second-opinion-parts.js';

type Exercise = Awaited<ReturnType<typeof readExercise>>;
type Item = Exercise['practiceContacts'][number];

/** An exercise: for a screener, the practice contacts to answer; for a manager, how far each screener has got. */
export function ExercisePage({ session, exercise }: { session: WebSession; exercise: Exercise }) {
  const next = exercise.practiceContacts.find((p) => !p.yourAnswer);
  return (
    <Layout title={exercise.title} session={session}>
      <span class="govuk-caption-l">Calibration exercise</span>
      <h1 class="govuk-heading-l">{exercise.title}</h1>
      <p class="govuk-body">{exercise.status === 'open' ? 'Open.' : 'Closed: no more answers.'} {exercise.items} practice contacts{exercise.showTriage ? ', each with the service’s triage' : ', without the service’s triage'}.</p>
      {session.role === 'screener' && exercise.status === 'open' && next
        ? <a class="govuk-button" data-module="govuk-button" href={`/calibration/${exercise.id}/practice/${next.id}`}>{exercise.answered === 0 ? 'Start' : 'Carry on'}</a> : null}
      {exercise.status === 'closed' || session.role === 'manager' ? <p class="govuk-body"><a class="govuk-link" href={`/calibration/${exercise.id}/results`}>How far the team agreed</a></p> : null}
      <table class="govuk-table">
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Practice contact</th>
          {session.role === 'screener' ? <th scope="col" class="govuk-table__header">Your answer</th> : null}
        </tr></thead>
        <tbody class="govuk-table__body">
          {exercise.practiceContacts.map((p) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{session.role === 'screener' ? <a class="govuk-link" href={`/calibration/${exercise.id}/practice/${p.id}`}>{p.title}</a> : p.title}</td>
              {session.role === 'screener' ? <td class="govuk-table__cell">{p.yourAnswer ? `${labelOf(p.yourAnswer.outcome)}; ${labelOf(p.yourAnswer.route)}; ${labelOf(p.yourAnswer.urgency)}` : 'Not answered'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {exercise.progress ? (
        <>
          <h2 class="govuk-heading-m">Progress</h2>
          <table class="govuk-table">
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Screener</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Answered</th>
            </tr></thead>
            <tbody class="govuk-table__body">
              {exercise.progress.map((p) => (
                <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{p.screener}</th>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{p.answered} of {exercise.items}</td></tr>
              ))}
            </tbody>
          </table>
          {exercise.status === 'open' ? (
            <form method="post" action={`/calibration/${exercise.id}/close`}>
              <CsrfField csrf={session.csrf} />
              <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Close the exercise and share the results</button>
            </form>
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}

/** One practice contact, triaged as if it were real: the account, the triage, and the screener’s answer. */
export function PracticeItemPage({ session, exercise, item, form = {}, errors = {} }: { session: WebSession; exercise: Exercise; item: Item; form?: FormValues; errors?: FieldErrors }) {
  const position = exercise.practiceContacts.indexOf(item) + 1;
  return (
    <Layout title={`${exercise.title}: practice contact ${position}`} session={session} hasErrors={Object.keys(errors).length > 0}>
      <span class="govuk-caption-l">{exercise.title}: practice contact {position} of {exercise.items}</span>
      <h1 class="govuk-heading-l">{item.title}</h1>
      <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Practice only: a fictional contact. Nothing here reaches a family, a partner or a referrer.</strong></div>
      <ContactAccount contact={item.contact} narrative={item.narrative} heading="What you are told" />
      {item.triage ? (
        <>
          <p class="govuk-body"><PriorityTag priority={(item.triage as { priority: string }).priority} /></p>
          <PromptList prompts={(item.triage as { prompts: Prompt[] }).prompts} />
        </>
      ) : null}
      {item.yourAnswer ? (
        <>
          <h2 class="govuk-heading-m">Your answer</h2>
          <SummaryList rows={[['Outcome', labelOf(item.yourAnswer.outcome)], ['Route', labelOf(item.yourAnswer.route)], ['Urgency', labelOf(item.yourAnswer.urgency)], ['Reasons', item.yourAnswer.rationale ?? '—']]} />
          <p class="govuk-body"><a class="govuk-link" href={`/calibration/${exercise.id}`}>Back to the exercise</a></p>
        </>
      ) : exercise.status === 'open' ? (
        <>
          <h2 class="govuk-heading-m" id="answer">Your answer</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action={`/calibration/${exercise.id}/practice/${item.id}`} novalidate>
            <CsrfField csrf={session.csrf} />
            <JudgementFields form={form} errors={errors} rationaleLabel="Your reasons (optional)" rationaleHint="A line or two, for your own reflection when the results are shared" />
            <button type="submit" class="govuk-button" data-module="govuk-button">Record your answer</button>
          </form>
        </>
      ) : <p class="govuk-body">The exercise closed before you answered this one.</p>}
    </Layout>
  );
}
