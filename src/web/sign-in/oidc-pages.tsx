import { Layout } from '../layout.js';

/** Why a sign-in through the provider did not give a session, in words the person can act on. */
export type RefusalReason = 'no-role' | 'several-roles' | 'no-authority' | 'failed' | 'unavailable';

const WORDS: Record<RefusalReason, (provider: string) => string> = {
  'no-role': (p) => `You signed in with ${p}, but your account there does not give you a role in this service (screener, team manager, auditor or administrator). Ask your IT service desk to add you to the right group.`,
  'several-roles': (p) => `You signed in with ${p}, but your account there gives you more than one role in this service. Ask your IT service desk to leave you in one group only.`,
  'no-authority': (p) => `You signed in with ${p}, but your account there does not say which local authority you work for. Ask your IT service desk to set it.`,
  failed: () => 'The sign-in could not be completed: it may have been interrupted, taken too long or been used already. Nothing was saved.',
  unavailable: (p) => `${p} is not answering just now. Try again in a few minutes; if it goes on, tell your IT service desk.`,
};

export function SignInRefusedPage({ reason, provider }: { reason: RefusalReason; provider: string }) {
  const title = reason === 'failed' || reason === 'unavailable' ? 'You could not be signed in' : 'You cannot use this service yet';
  return (
    <Layout title={title}>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{WORDS[reason](provider)}</p>
      <p class="govuk-body"><a class="govuk-link" href="/sign-in">Go back to sign in</a></p>
    </Layout>
  );
}

/** After the provider's redirect the session cookie (SameSite=Strict) is not sent on a further redirect, so the browser moves on from here. */
export function SignedInPage({ home }: { home: string }) {
  return (
    <Layout title="Signed in" refreshTo={home}>
      <h1 class="govuk-heading-l">You are signed in</h1>
      <p class="govuk-body"><a class="govuk-link" href={home}>Continue</a></p>
    </Layout>
  );
}

/** Signed out here; the browser moves on to the provider to end its session there too (a redirect from the form would break the pages' CSP form-action). */
export function SignedOutPage({ provider, endSession }: { provider: string; endSession: string }) {
  return (
    <Layout title="Signed out" refreshTo={endSession}>
      <h1 class="govuk-heading-l">You are signed out</h1>
      <p class="govuk-body"><a class="govuk-link" href={endSession}>Sign out of {provider} too</a></p>
    </Layout>
  );
}
