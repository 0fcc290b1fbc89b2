import type { SessionView } from '../../domain/sessions/end-sessions.js';
import { ErrorSummary, TextInput } from '../components.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';

const when = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');

/** An administrator finds a user's signed-in sessions and ends one or all of them. */
export function SessionsPage({ session, sub, sessions, ended, error }: { session: WebSession; sub: string; sessions: SessionView[]; ended?: number | undefined; error?: string | undefined }) {
  const errors: Record<string, string> = error ? { sub: error } : {};
  return (
    <Layout title="Signed-in sessions" session={session} hasErrors={Boolean(error)}>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Signed-in sessions</h1>
      <p class="govuk-body">End a user’s sessions when their device is lost or they leave: each ended session is signed out on its next request. Ending a session is recorded in the audit log.</p>
      {ended !== undefined ? <div class="govuk-inset-text">{ended === 1 ? '1 session was ended.' : `${ended} sessions were ended.`}</div> : null}
      <form method="get" action="/sessions" novalidate>
        <TextInput id="sub" name="sub" label="User id" hint="As it appears in the audit log" width="20" value={sub} error={error} />
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Find sessions</button>
      </form>
      {sub && !error ? (
        sessions.length === 0 ? <p class="govuk-body">{sub} has no signed-in session.</p> : (
          <>
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--m">Sessions of {sub}</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Role</th><th scope="col" class="govuk-table__header">Signed in (UTC)</th>
                <th scope="col" class="govuk-table__header">Last seen (UTC)</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
              </tr></thead>
              <tbody class="govuk-table__body">
                {sessions.map((s) => (
                  <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{s.role}</td><td class="govuk-table__cell">{when(s.startedAt)}</td><td class="govuk-table__cell">{when(s.lastSeenAt)}</td>
                    <td class="govuk-table__cell">
                      <form method="post" action="/sessions/end">
                        <input type="hidden" name="csrf" value={session.csrf} /><input type="hidden" name="sub" value={sub} /><input type="hidden" name="id" value={s.id} />
                        <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">End<span class="govuk-visually-hidden"> session started {when(s.startedAt)}</span></button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form method="post" action="/sessions/end">
              <input type="hidden" name="csrf" value={session.csrf} /><input type="hidden" name="sub" value={sub} />
              <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">End all sessions of {sub}</button>
            </form>
          </>
        )
      ) : null}
    </Layout>
  );
}
