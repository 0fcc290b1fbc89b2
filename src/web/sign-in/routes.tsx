import { randomBytes, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { OidcClient } from '../../auth/oidc-client.js';
import type { Deps } from '../../domain/context.js';
import { sharedRateLimiter } from '../../http/rate-store.js';
import { ROLES, type Role } from '../../schemas/codes.js';
import { endSession, startSession, type SessionOptions, type WebEnv } from '../session.js';
import { SignedOutPage } from './oidc-pages.js';
import { SignInPage } from './sign-in-page.js';

export interface SignInOptions {
  /** MASH_DEMO_SIGN_IN=on: anyone may pick a role and authority. Off, the form is not offered and its POST is 404. */
  demoSignIn: boolean;
  session: SessionOptions;
  /** Sign-in through the council's identity provider, when MASH_OIDC_ISSUER is set. */
  oidc?: OidcClient | undefined;
}

/** Where each role starts. */
export const HOME: Record<Role, string> = { screener: '/contacts/new', manager: '/reviews', auditor: '/audit', admin: '/rules' };

/** Sign-in attempts per user id, and per address (an office shares one), in 15 minutes, counted across all instances. */
const ATTEMPTS_PER_USER = 20;
const ATTEMPTS_PER_ADDRESS = 100;
const WINDOW_SECONDS = 15 * 60;
const FORM_COOKIE = '__Host-mash-sign-in';
const formCookieOptions = { httpOnly: true, secure: true, sameSite: 'Strict' as const, path: '/', maxAge: 3600 };

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function addressOf(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}

/**
 * The sign-in and sign-out pages. Before a session exists the form's CSRF
 * token is a signed cookie matched against the form (double submit), so a
 * third-party page cannot sign a browser in as someone else.
 */
export function signInRoutes(deps: Deps, options: SignInOptions) {
  const app = new Hono<WebEnv>();
  const byAddress = sharedRateLimiter(deps, { keyPrefix: 'sign-in-address', points: ATTEMPTS_PER_ADDRESS, durationSeconds: WINDOW_SECONDS });
  const byUser = sharedRateLimiter(deps, { keyPrefix: 'sign-in-user', points: ATTEMPTS_PER_USER, durationSeconds: WINDOW_SECONDS });
  const secret = options.session.secret;

  const formToken = async (c: Context<WebEnv>) => {
    const token = randomBytes(24).toString('base64url');
    await setSignedCookie(c, FORM_COOKIE, token, secret, formCookieOptions);
    return token;
  };

  app.get('/', (c) => {
    const session = c.get('session');
    return c.redirect(session ? HOME[session.role] : '/sign-in', 303);
  });

  const provider = options.oidc?.providerName;
  app.get('/sign-in', async (c) => c.html(
    <SignInPage errors={{}} localSignIn={options.demoSignIn} provider={provider} expired={c.req.query('expired') === '1'} csrf={options.demoSignIn ? await formToken(c) : ''} />,
  ));

  app.post('/sign-in', async (c) => {
    if (!options.demoSignIn) return c.html(<SignInPage errors={{}} localSignIn={false} csrf="" />, 404);
    const form = await c.req.parseBody();
    const expected = await getSignedCookie(c, secret, FORM_COOKIE);
    if (!expected || typeof form.csrf !== 'string' || !sameToken(expected, form.csrf)) {
      return c.html(<SignInPage errors={{ role: 'The form had expired: sign in again' }} localSignIn csrf={await formToken(c)} />, 403);
    }
    const role = String(form.role ?? '') as Role;
    const la = String(form.la ?? '').trim();
    const sub = String(form.sub ?? '').trim() || `local-${role}`;
    const address = addressOf(c);
    const wait = (address ? await byAddress.consume(address) : null) ?? (await byUser.consume(`${la} ${sub}`));
    if (wait !== null) {
      c.header('Retry-After', String(wait));
      return c.html(<SignInPage errors={{ role: `Too many attempts to sign in: try again in ${Math.ceil(wait / 60)} minutes` }} localSignIn csrf={await formToken(c)} />, 429);
    }
    const errors: Record<string, string> = {};
    if (!ROLES.includes(role)) errors.role = 'Choose a role';
    if (!/^[EWSN]\d{8}$/.test(la)) errors.la = 'Enter an ONS local authority code, like E06000056';
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(sub)) errors.sub = 'Use up to 64 letters, digits, dots, dashes or @';
    if (Object.keys(errors).length) return c.html(<SignInPage errors={errors} localSignIn csrf={await formToken(c)} />, 400);
    deleteCookie(c, FORM_COOKIE, formCookieOptions);
    await startSession(c, { sub, role, la }, options.session, 'demo');
    deps.logger.info({ sub, role, la }, 'demo sign-in');
    return c.redirect(HOME[role], 303);
  });

  // The session's CSRF token is checked by the pages' middleware before this runs. Signed in through the
  // provider, the browser goes on to its end-session page, so the provider's own session ends too.
  app.post('/sign-out', async (c) => {
    await endSession(c, options.session);
    const elsewhere = await options.oidc?.endSessionUrl().catch(() => null);
    if (elsewhere && options.oidc) return c.html(<SignedOutPage provider={options.oidc.providerName} endSession={elsewhere.href} />);
    return c.redirect('/sign-in', 303);
  });
  return app;
}
