import type { TeamWithMembers } from '../../db/repositories/teams.repo.js';
import { ErrorSummary, Textarea, TextInput, type FieldErrors } from '../components.js';
import { value, type FormValues } from '../form-values.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';
import { CsrfField } from '../second-opinion-parts.js';

/** The teams a manager manages, each screener linked to their own page; and a form to form or change a team. */
export function TeamsPage({ session, teams, form = {}, errors = {}, editing = null }: { session: WebSession; teams: TeamWithMembers[]; form?: FormValues; errors?: FieldErrors; editing?: TeamWithMembers | null }) {
  const action = editing ? `/teams/${editing.id}` : '/teams';
  return (
    <Layout title="Teams" session={session} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Teams</h1>
      {teams.length === 0 ? <p class="govuk-body">You manage no team yet.</p> : teams.map((t) => (
        <div class="govuk-summary-card">
          <div class="govuk-summary-card__title-wrapper">
            <h2 class="govuk-summary-card__title">{t.name}</h2>
            <ul class="govuk-summary-card__actions"><li class="govuk-summary-card__action"><a class="govuk-link" href={`/teams/${t.id}`}>Change<span class="govuk-visually-hidden"> {t.name}</span></a></li></ul>
          </div>
          <div class="govuk-summary-card__content">
            <p class="govuk-body">Screeners, each with their own page for supervision:</p>
            <ul class="govuk-list">{t.screeners.map((s) => <li><a class="govuk-link" href={`/screeners/${encodeURIComponent(s)}`}>{s}</a></li>)}</ul>
            <p class="govuk-body-s">Managers: {t.managers.join(', ')}</p>
          </div>
        </div>
      ))}
      <h2 class="govuk-heading-m" id="team-form">{editing ? `Change ${editing.name}` : 'Form a team'}</h2>
      <form method="post" action={action} novalidate>
        <CsrfField csrf={session.csrf} />
        {editing ? <input type="hidden" name="version" value={String(editing.version)} /> : null}
        <TextInput id="name" name="name" label="Name" width="20" value={value(form, 'name')} error={errors.name} />
        <Textarea id="screeners" name="screeners" label="Screeners" hint="User ids, one a line" rows={4} value={value(form, 'screeners')} error={errors.screeners} />
        <Textarea id="managers" name="managers" label="Other managers" hint="User ids, one a line; you are a manager of a team you form" rows={2} value={value(form, 'managers')} error={errors.managers} />
        <button type="submit" class="govuk-button" data-module="govuk-button">{editing ? 'Save the team' : 'Form the team'}</button>
      </form>
    </Layout>
  );
}
