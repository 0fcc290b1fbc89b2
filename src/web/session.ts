import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Actor } from '../domain/actor.js';
import type { Deps, VerbContext } from '../domain/context.js';
import type { AppEnv } from '../http/env.js';
import { ROLES } from '../schemas/codes.js';

/**
 * Browser sessions: a signed cookie (HttpOnly, Secure, SameSite=Strict)
 * carrying the actor, a CSRF token and the time of the last request. A
 * session idle for longer than the configured minutes is over.
 */
export const SESSION_COOKIE = '__Host-mash-session';

const Session = z.object({
  sub: z.string(), role: z.enum(ROLES), la: z.string(), csrf: z.string(), seen: z.number(),
});
export type WebSession = z.infer<typeof Session>;

/** What the web routes keep on a request: the API's variables, the session, and whether one just ran out. */
export interface WebEnv {
  Variables: AppEnv['Variables'] & { session?: WebSession; sessionExpired?: boolean };
}
export type WebContext = Context<WebEnv>;

/** The signed-in person; the pages behind `requireSession` may rely on there being one. */
export function sessionOf(c: WebContext): WebSession {
  const session = c.get('session');
  if (!session) throw new Error('a page that needs a session was reached without one');
  return session;
}

/** The domain verbs' context for a browser request, as the API builds it for a bearer token. */
export function webVerbContext(c: WebContext, deps: Deps): VerbContext {
  return { deps: { ...deps, logger: c.get('logger') ?? deps.logger }, actor: c.get('actor'), requestId: c.get('requestId') };
}

export interface SessionOptions { secret: string; idleMinutes: number; now: () => Date }

const cookieOptions = { httpOnly: true, secure: true, sameSite: 'Strict' as const, path: '/' };

export async function startSession(c: Context, actor: Actor, options: SessionOptions): Promise<WebSession> {
  const session: WebSession = { ...actor, csrf: randomBytes(24).toString('base64url'), seen: options.now().getTime() };
  await setSignedCookie(c, SESSION_COOKIE, Buffer.from(JSON.stringify(session)).toString('base64url'), options.secret, cookieOptions);
  return session;
}

export function endSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions);
}

/** Reads the session (if any, and not idle too long) and slides its idle window forward. */
export function sessionMiddleware(options: SessionOptions): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const raw = await getSignedCookie(c, options.secret, SESSION_COOKIE);
    if (raw) {
      let parsed: WebSession | undefined;
      try {
        const result = Session.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
        if (result.success) parsed = result.data;
      } catch { /* a cookie we cannot read is no session */ }
      const now = options.now().getTime();
      if (parsed && now - parsed.seen <= options.idleMinutes * 60_000) {
        const session = { ...parsed, seen: now };
        c.set('session', session);
        c.set('actor', { sub: session.sub, role: session.role, la: session.la });
        await setSignedCookie(c, SESSION_COOKIE, Buffer.from(JSON.stringify(session)).toString('base64url'), options.secret, cookieOptions);
      } else if (parsed) {
        c.set('sessionExpired', true);
        endSession(c);
      }
    }
    await next();
  };
}

export function csrfMatches(session: WebSession | undefined, submitted: unknown): boolean {
  if (!session || typeof submitted !== 'string') return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
