import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { Database } from '../db/client.js';
import { deleteStaleWebSessions, deleteWebSession, findWebSession, touchWebSession } from '../db/repositories/web-sessions.repo.js';
import type { Actor } from '../domain/actor.js';
import type { Deps, VerbContext } from '../domain/context.js';
import type { AppEnv } from '../http/env.js';
import { ROLES, type Role } from '../schemas/codes.js';
import { NotFound } from '../domain/errors.js';
import { closeSession, openSession, type SignInMethod } from '../domain/sessions/sign-in-events.js';

/**
 * Browser sessions, held in the web_sessions table: the cookie (HttpOnly,
 * Secure, SameSite=Strict, signed with the secret every instance shares)
 * carries only a random id. A session ends when its row goes: on sign-out, by
 * an administrator, after the idle minutes without a request, or at the
 * absolute lifetime however busy it is, so a stolen cookie cannot be kept alive.
 */
export const SESSION_COOKIE = '__Host-mash-session';

export interface WebSession { sub: string; role: Role; la: string; csrf: string; seen: number }

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

/** A parameter of the matched path; every route that reads one declares it, so a missing one is a page not found. */
export function pathParam(c: WebContext, name: string): string {
  const found = c.req.param(name);
  if (!found) throw new NotFound(`The page for this address`);
  return found;
}

/** The domain verbs' context for a browser request, as the API builds it for a bearer token. */
export function webVerbContext(c: WebContext, deps: Deps): VerbContext {
  return { deps: { ...deps, logger: c.get('logger') ?? deps.logger }, actor: c.get('actor'), requestId: c.get('requestId') };
}

export interface SessionOptions { secret: string; idleMinutes: number; maxHours: number; now: () => Date; db: Database }

const cookieOptions = { httpOnly: true, secure: true, sameSite: 'Strict' as const, path: '/' };
/** seen_at is written at most this often, so reading pages is not a write each time. */
const TOUCH_EVERY_MS = 30_000;
const SWEEP_EVERY_MS = 10 * 60_000;

const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');

const sessionDeps = (options: SessionOptions) => ({ db: options.db, clock: { now: options.now } });

/** Stores a session for the person and sets its cookie; the sign-in is audited with it. */
export async function startSession(c: Context<WebEnv>, actor: Actor, options: SessionOptions, method: SignInMethod): Promise<WebSession> {
  const id = randomBytes(32).toString('base64url');
  const now = options.now();
  const session: WebSession = { ...actor, role: actor.role, csrf: randomBytes(24).toString('base64url'), seen: now.getTime() };
  await openSession(sessionDeps(options), { actor, idHash: hashOf(id), csrf: session.csrf, method, requestId: c.get('requestId') });
  await setSignedCookie(c, SESSION_COOKIE, id, options.secret, cookieOptions);
  return session;
}

/** Deletes the session's row, so the cookie is refused on every instance even if the browser keeps it. */
export async function endSession(c: Context<WebEnv>, options: SessionOptions): Promise<void> {
  const id = await getSignedCookie(c, options.secret, SESSION_COOKIE);
  if (id) await closeSession(sessionDeps(options), { idHash: hashOf(id), requestId: c.get('requestId') });
  deleteCookie(c, SESSION_COOKIE, cookieOptions);
}

export function sessionMiddleware(options: SessionOptions): MiddlewareHandler<WebEnv> {
  let lastSweep = 0;
  return async (c, next) => {
    const id = await getSignedCookie(c, options.secret, SESSION_COOKIE);
    if (id) {
      const now = options.now();
      const idleSince = new Date(now.getTime() - options.idleMinutes * 60_000);
      const bornAfter = new Date(now.getTime() - options.maxHours * 3_600_000);
      if (now.getTime() - lastSweep >= SWEEP_EVERY_MS) {
        lastSweep = now.getTime();
        await deleteStaleWebSessions(options.db, idleSince, bornAfter);
      }
      const row = await findWebSession(options.db, hashOf(id));
      const live = row && new Date(row.seen_at) >= idleSince && new Date(row.created_at) >= bornAfter && (ROLES as readonly string[]).includes(row.role);
      if (row && live) {
        if (now.getTime() - new Date(row.seen_at).getTime() >= TOUCH_EVERY_MS) await touchWebSession(options.db, row.id_hash, now);
        const session: WebSession = { sub: row.sub, role: row.role as Role, la: row.la, csrf: row.csrf, seen: now.getTime() };
        c.set('session', session);
        c.set('actor', { sub: session.sub, role: session.role, la: session.la });
      } else {
        if (row) await deleteWebSession(options.db, row.id_hash);
        c.set('sessionExpired', true);
        deleteCookie(c, SESSION_COOKIE, cookieOptions);
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
