import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { mapClaims } from '../../auth/claim-mapping.js';
import type { OidcClient } from '../../auth/oidc-client.js';
import type { ClaimMapping } from '../../config.js';
import { deleteStaleOidcSignIns, insertOidcSignIn, takeOidcSignIn } from '../../db/repositories/oidc-sign-ins.repo.js';
import type { Deps } from '../../domain/context.js';
import { recordRefusedSignIn } from '../../domain/sessions/sign-in-events.js';
import { startSession, type SessionOptions, type WebEnv } from '../session.js';
import { type RefusalReason, SignedInPage, SignInRefusedPage } from './oidc-pages.js';
import { HOME } from './routes.js';

export interface OidcSignInOptions { client: OidcClient; mapping: ClaimMapping; session: SessionOptions }

/** The browser carries the state between the two legs; Lax, because the provider's redirect back is a cross-site navigation. */
const STATE_COOKIE = '__Host-mash-oidc';
const stateCookieOptions = { httpOnly: true, secure: true, sameSite: 'Lax' as const, path: '/', maxAge: 600 };
/** A sign-in not back from the provider within this long is refused. */
const PENDING_MS = 10 * 60_000;

/**
 * The check that failed, by the library's code and the claim it names (aud,
 * exp, nonce…). Its message and cause may quote the token's claims, so only
 * these two are logged.
 */
function failedCheck(error: unknown): { code: string; claim?: string } {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
  // openid-client wraps the protocol library's error, whose own cause names the claim.
  for (let cause: unknown = error; cause && typeof cause === 'object'; cause = 'cause' in cause ? cause.cause : undefined) {
    if ('claim' in cause && typeof cause.claim === 'string') return { code, claim: cause.claim };
  }
  return { code };
}

const hashOf = (state: string) => createHash('sha256').update(state).digest('hex');

/**
 * Sign-in through the council's identity provider. /sign-in/oidc sends the
 * browser there; /sign-in/callback takes it back, spends the pending sign-in
 * (so the same state twice is refused), lets openid-client check the code and
 * ID token, maps the claims to a role and authority and opens a session.
 */
export function oidcSignInRoutes(deps: Deps, options: OidcSignInOptions) {
  const app = new Hono<WebEnv>();
  const { client, session } = options;
  const refused = (reason: RefusalReason) => <SignInRefusedPage reason={reason} provider={client.providerName} />;

  app.get('/sign-in/oidc', async (c) => {
    const now = session.now();
    let started: Awaited<ReturnType<OidcClient['start']>>;
    try {
      started = await client.start(); // discovers the provider on first use
    } catch (error) {
      (c.get('logger') ?? deps.logger).warn({ reason: 'provider-unavailable', ...failedCheck(error) }, 'oidc sign-in could not start');
      return c.html(refused('unavailable'), 503);
    }
    const { url, pending } = started;
    await deleteStaleOidcSignIns(deps.db, new Date(now.getTime() - PENDING_MS));
    await insertOidcSignIn(deps.db, { stateHash: hashOf(pending.state), nonce: pending.nonce, codeVerifier: pending.codeVerifier, at: now });
    await setSignedCookie(c, STATE_COOKIE, pending.state, session.secret, stateCookieOptions);
    return c.redirect(url.href, 303);
  });

  app.get('/sign-in/callback', async (c) => {
    const logger = c.get('logger') ?? deps.logger;
    const expected = await getSignedCookie(c, session.secret, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, stateCookieOptions);
    const state = c.req.query('state');
    const taken = expected && state === expected ? await takeOidcSignIn(deps.db, hashOf(state), new Date(session.now().getTime() - PENDING_MS)) : undefined;
    if (!taken || !state) {
      logger.warn({ reason: expected ? 'unknown-or-used-state' : 'no-state-cookie' }, 'oidc sign-in refused');
      return c.html(refused('failed'), 400);
    }
    let claims: Record<string, unknown>;
    try {
      claims = await client.finish(new URL(c.req.url).search, { state, ...taken });
    } catch (error) {
      logger.warn({ reason: 'token-refused', ...failedCheck(error) }, 'oidc sign-in refused');
      return c.html(refused('failed'), 400);
    }
    const mapped = mapClaims(claims, options.mapping);
    if (!mapped.ok) {
      if (mapped.la) await recordRefusedSignIn({ db: deps.db, clock: { now: session.now } }, { sub: mapped.sub, la: mapped.la, reason: mapped.reason, requestId: c.get('requestId') });
      else logger.warn({ reason: mapped.reason }, 'oidc sign-in refused: no authority to record it in');
      return c.html(refused(mapped.reason), 403);
    }
    await startSession(c, mapped.actor, session, 'oidc');
    return c.html(<SignedInPage home={HOME[mapped.actor.role]} />);
  });
  return app;
}
