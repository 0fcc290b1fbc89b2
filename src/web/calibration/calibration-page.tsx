import type { teamTrend } from '../../domain/calibration/calibration-trend.js';
import type { listExercises } from '../../domain/calibration/list-exercises.js';
import type { listPracticeBank } from '../../domain/calibration/list-practice-bank.js';
import type { TeamWithMembers } from '../../db/repositories/teams.repo.js';
import { ErrorSummary, formatInstant, Select, TextInput, type FieldErrors } from '../components.js';
import { Checkboxes } from '../choices.js';
import { value, type FormValues } from '../form-values.js';
import { Layout } from '../layout.js';
import { estimate, labelOf } from '../second-opinion-labels.js';
import type { WebSession } from '../session.js';
import { BarChart } from '../charts.js';
import { CsrfField, SmallNumberTag } from '../second-opinion-parts.js';

type Exercises = Awaited<ReturnType<typeof listExercises>>['exercises'];
type Bank = Awaited<ReturnType<typeof listPracticeBank>>['practiceContacts'];
type Trend = Awaited<ReturnType<typeof teamTrend>>;

function ExerciseTable({ exercises, teams, role }: { exercises: Exercises; teams: TeamWithMembers[]; role: string }) {
  if (exercises.length === 0) return <p class="govuk-body">No exercise has been set yet.</p>;
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
  return (
    <table class="govuk-table">
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Exercise</th><th scope="col" class="govuk-table__header">Team</th>
        <th scope="col" class="govuk-table__header">Status</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">{role === 'screener' ? 'You have answered' : 'Answers given'}</th>
        <th scope="col" class="govuk-table__header">Results</th>
      </tr></thead>
      <tbody class="govuk-table__body">
        {exercises.map((e) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell"><a class="govuk-link" href={`/calibration/${e.id}`}>{e.title}</a><br /><span class="govuk-body-s">set {formatInstant(e.createdAt)}</span></td>
            <td class="govuk-table__cell">{teamName(e.teamId)}</td>
            <td class="govuk-table__cell">{e.status === 'open' ? 'Open' : `Closed ${formatInstant(e.closedAt)}`}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{role === 'screener' ? `${e.answered} of ${e.items}` : e.answered}</td>
            <td class="govuk-table__cell">{e.status === 'closed' || role === 'manager' ? <a class="govuk-link" href={`/calibration/${e.id}/results`}>Agreement<span class="govuk-visually-hidden"> in {e.title}</span></a> : 'When it closes'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Agreement in each closed exercise of a team, oldest first: whether the team is coming closer. */
export function TrendSection({ trend, teamName }: { trend: Trend; teamName: string }) {
  if (trend.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-m">Agreement over time: {teamName}</h2>
      <BarChart title={`Krippendorff’s alpha on route (ordinal), by exercise, for ${teamName}`} unit="" max={1}
        bars={trend.map((e) => ({ label: e.title.length > 28 ? `${e.title.slice(0, 27)}…` : e.title, value: e.route.alphaOrdinal?.value == null ? null : Math.max(0, e.route.alphaOrdinal.value) }))} />
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">Each closed exercise, oldest first (alpha below 0 is shown as 0 in the chart)</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Exercise</th>
          <th scope="col" class="govuk-table__header">Outcome: α nominal</th>
          <th scope="col" class="govuk-table__header">Route: α ordinal</th>
          <th scope="col" class="govuk-table__header">Urgency: α ordinal</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Screeners</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {trend.map((e) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">{e.title}<SmallNumberTag show={e.smallNumber} /></th>
              <td class="govuk-table__cell">{estimate(e.outcome.alphaNominal)}</td>
              <td class="govuk-table__cell">{estimate(e.route.alphaOrdinal)}</td>
              <td class="govuk-table__cell">{estimate(e.urgency.alphaOrdinal)}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{e.screeners}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function SetExerciseForm({ session, teams, bank, form, errors }: { session: WebSession; teams: TeamWithMembers[]; bank: Bank; form: FormValues; errors: FieldErrors }) {
  const chosen = ([] as string[]).concat((form.practiceContactIds as string[] | string | undefined) ?? []);
  return (
    <>
      <h2 class="govuk-heading-m" id="set">Set an exercise</h2>
      {teams.length === 0 ? <p class="govuk-body">First <a class="govuk-link" href="/teams">form a team</a>.</p>
        : bank.length === 0 ? <p class="govuk-body">The bank of practice contacts is empty: an administrator loads it with <code>npm run calibration:import -- tests/corpus/cases</code>.</p> : (
          <form method="post" action="/calibration" novalidate>
            <CsrfField csrf={session.csrf} />
            <Select id="teamId" name="teamId" label="Team" blank="Choose a team" options={teams.map((t) => [t.id, t.name])} value={value(form, 'teamId')} error={errors.teamId} />
            <TextInput id="title" name="title" label="Title" width="30" value={value(form, 'title')} error={errors.title} />
            <Checkboxes id="showTriage" name="showTriage" label="What screeners see" options={[['true', 'The service’s triage with each practice contact, as with a real one']]} values={form.showTriage === undefined && !form.title ? ['true'] : ([] as string[]).concat(form.showTriage as string ?? [])} />
            <Checkboxes id="practiceContactIds" name="practiceContactIds" label="Practice contacts" hint="Choose at least two; screeners see them in this order" columns
              options={bank.map((p) => [p.id, `${p.title} (label: ${labelOf(p.expected?.route)}, ${labelOf(p.expected?.urgency)})`])} values={chosen} error={errors.practiceContactIds} />
            <button type="submit" class="govuk-button" data-module="govuk-button">Set the exercise</button>
          </form>
        )}
    </>
  );
}

/** Calibration: a screener’s exercises to do, a manager’s to set and follow, and how agreement has moved. */
export function CalibrationPage({ session, exercises, teams, bank, trend, form = {}, errors = {} }: {
  session: WebSession; exercises: Exercises; teams: TeamWithMembers[]; bank: Bank | null; trend: { team: TeamWithMembers; exercises: Trend } | null; form?: FormValues; errors?: FieldErrors;
}) {
  return (
    <Layout title="Calibration" session={session} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Calibration</h1>
      <p class="govuk-body">Practice contacts are fictional or anonymised. Each screener triages them alone; nobody sees anyone else’s answers until the exercise closes. They are kept apart from real contacts and never reach partners, referrers or oversight.</p>
      <ExerciseTable exercises={exercises} teams={teams} role={session.role} />
      {trend ? <TrendSection trend={trend.exercises} teamName={trend.team.name} /> : null}
      {session.role === 'manager' && bank ? <SetExerciseForm session={session} teams={teams} bank={bank} form={form} errors={errors} /> : null}
    </Layout>
  );
}
