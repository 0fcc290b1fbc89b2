import { ErrorSummary, TextInput, type FieldErrors } from '../components.js';
import { Layout } from '../layout.js';

/** The local sign-in of the embedded default: pick a demo role. Production signs in through the council's identity provider. */
export function SignInPage({ errors, localSignIn, provider, expired, csrf }: { errors: FieldErrors; localSignIn: boolean; provider?: string | undefined; expired?: boolean; csrf: string }) {
  return (
    <Layout title="Sign in" hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Sign in to mash-triage</h1>
      {expired ? <div class="govuk-inset-text">You were signed out after a period without activity.</div> : null}
      {/* A link, not a form: the pages' CSP (form-action 'self') would stop a form's redirect to the provider. */}
      {provider ? <p class="govuk-body"><a href="/sign-in/oidc" class="govuk-button govuk-button--start">Sign in with {provider}</a></p> : null}
      {localSignIn ? (
        <form method="post" action="/sign-in" novalidate>
          <input type="hidden" name="csrf" value={csrf} />
          <div class={`govuk-form-group${errors.role ? ' govuk-form-group--error' : ''}`}>
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Demo role</legend>
              <div class="govuk-hint">This demo sign-in is on because MASH_DEMO_SIGN_IN=on; it is refused beside a real database or identity provider.</div>
              {errors.role ? <p id="role-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {errors.role}</p> : null}
              <div class="govuk-radios" data-module="govuk-radios">
                {([['screener', 'Screener', 'Record contacts and decide'], ['manager', 'Team manager', 'Review flagged decisions'], ['auditor', 'Auditor', 'Sample closed contacts and read trails'], ['admin', 'Administrator', 'Rules']] as const).map(([value, label, hint], i) => (
                  <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id={i === 0 ? 'role' : `role-${value}`} name="role" type="radio" value={value} aria-describedby={`role-${value}-hint`} />
                    <label class="govuk-label govuk-radios__label" for={i === 0 ? 'role' : `role-${value}`}>{label}</label>
                    <div id={`role-${value}-hint`} class="govuk-hint govuk-radios__hint">{hint}</div>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <TextInput id="sub" name="sub" label="Your user id" hint="Any name, for the audit trail" width="20" error={errors.sub} />
          <TextInput id="la" name="la" label="Local authority (ONS code)" width="10" value="E06000056" error={errors.la} />
          <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
        </form>
      ) : provider ? null : (
        <p class="govuk-body">These pages have no sign-in on this installation: no identity provider is set (MASH_OIDC_ISSUER) and the demo sign-in is off. Systems use the API with a bearer token.</p>
      )}
    </Layout>
  );
}
