import * as openid from 'openid-client';
import type { OidcConfig } from '../config.js';

/** What the browser keeps nothing of: the checks a callback must pass, held server-side until it comes back. */
export interface PendingSignIn { state: string; nonce: string; codeVerifier: string }

export interface OidcClient {
  providerName: string;
  /** Where to send the browser to sign in, with a fresh state, nonce and PKCE verifier. */
  start(): Promise<{ url: URL; pending: PendingSignIn }>;
  /**
   * Exchanges the code from the callback's query and returns the ID token's
   * claims once the library has checked its signature, issuer, audience,
   * expiry and nonce, the state and the PKCE verifier. Throws otherwise.
   */
  finish(callbackQuery: string, pending: PendingSignIn): Promise<Record<string, unknown>>;
  /** The provider's end-session address, or null when it publishes none. */
  endSessionUrl(): Promise<URL | null>;
}

/**
 * Sign-in through the council's identity provider with openid-client:
 * authorization code with PKCE (S256), state and nonce. The provider's
 * metadata is discovered on first use and again after a failure, so a
 * provider that is down at start-up does not stop the service.
 */
export function createOidcClient(config: OidcConfig, fetchImpl?: typeof fetch): OidcClient {
  let discovered: Promise<openid.Configuration> | undefined;
  const local = new URL(config.issuer).protocol === 'http:'; // only to a provider on this machine: config refuses others
  const configuration = () => {
    discovered ??= openid.discovery(new URL(config.issuer), config.clientId, undefined, openid.ClientSecretPost(config.clientSecret), {
      ...(fetchImpl ? { [openid.customFetch]: fetchImpl } : {}),
      ...(local ? { execute: [openid.allowInsecureRequests] } : {}),
    });
    discovered.catch(() => { discovered = undefined; });
    return discovered;
  };

  return {
    providerName: config.providerName,
    async start() {
      const pending = { state: openid.randomState(), nonce: openid.randomNonce(), codeVerifier: openid.randomPKCECodeVerifier() };
      const url = openid.buildAuthorizationUrl(await configuration(), {
        redirect_uri: config.redirectUrl,
        scope: config.scopes,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await openid.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, pending };
    },
    async finish(callbackQuery, pending) {
      // The configured address, not the request's: behind a proxy the request's host and scheme are not what the provider saw.
      const current = new URL(config.redirectUrl);
      current.search = callbackQuery;
      const tokens = await openid.authorizationCodeGrant(await configuration(), current, {
        pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider returned no ID token');
      return { ...claims };
    },
    async endSessionUrl() {
      const found = await configuration();
      if (!found.serverMetadata().end_session_endpoint) return null;
      return openid.buildEndSessionUrl(found, { client_id: config.clientId, post_logout_redirect_uri: new URL('/sign-in', config.redirectUrl).href });
    },
  };
}
