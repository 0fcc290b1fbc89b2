import type { MiddlewareHandler } from 'hono';
import { Layout } from './layout.js';
import { csrfMatches, type WebEnv } from './session.js';
import { mayOpen } from './page-access.js';

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The pages that need someone signed in; sign-in, the home redirect and static files do not. */
export const SIGNED_IN_PATHS = [
  '/contacts', '/contacts/*', '/rules', '/reviews', '/reviews/*', '/audit', '/audit/*', '/oversight',
  '/second-screens', '/second-screens/*', '/calibration', '/calibration/*', '/teams', '/teams/*', '/screening-outcomes', '/screeners/*', '/my-practice', '/subject-access/*', '/sessions', '/sessions/*',
];

export const pageHeaders: MiddlewareHandler<WebEnv> = async (c, next) => {
  await next();
  if (c.res.headers.get('content-type')?.startsWith('text/html')) {
    c.res.headers.set('Content-Security-Policy', CSP);
    c.res.headers.set('Cache-Control', 'no-store');
  }
};

/** Every form carries the session's CSRF token; SameSite=Strict is the second lock. */
export const csrfCheck: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (c.req.method !== 'POST' || c.req.path === '/sign-in' || c.req.path.startsWith('/api/')) return next();
  const form = await c.req.parseBody({ all: true });
  if (!csrfMatches(c.get('session'), form.csrf)) {
    return c.html(<Layout title="Your session has expired"><h1 class="govuk-heading-l">Your session has expired</h1>
      <p class="govuk-body"><a class="govuk-link" href="/sign-in">Sign in again</a>; nothing was saved.</p></Layout>, 403);
  }
  return next();
};

export const requireSession: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (!c.get('session')) return c.redirect(c.get('sessionExpired') ? '/sign-in?expired=1' : '/sign-in', 303);
  return next();
};

/**
 * A page the signed-in role may not use is refused before it is drawn, with a
 * way back to the pages that role has: a form is never shown only for its
 * sending to be refused.
 */
export const requirePageRole: MiddlewareHandler<WebEnv> = async (c, next) => {
  const session = c.get('session');
  if (!session || mayOpen(session.role, c.req.path)) return next();
  return c.html(<Layout title="This page is not for your role" session={session}><h1 class="govuk-heading-l">This page is not for your role</h1>
    <p class="govuk-body">Signed in as a {session.role}, you cannot use this page. The menu above lists the pages you can use.</p></Layout>, 403);
};
