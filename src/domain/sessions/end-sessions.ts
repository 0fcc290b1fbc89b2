import { createHash } from 'node:crypto';
import { appendAudit } from '../../db/repositories/audit.repo.js';
import { deleteWebSessions, listWebSessionsOf, type WebSessionRow } from '../../db/repositories/web-sessions.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';

export interface SessionView { id: string; sub: string; role: string; startedAt: string; lastSeenAt: string }

/**
 * A session's public id: derived from the stored hash, so neither the cookie
 * nor the key of the row is ever shown, and the same session keeps its id.
 */
const publicId = (row: WebSessionRow) => createHash('sha256').update(`session-ref:${row.id_hash}`).digest('base64url').slice(0, 22);

const view = (row: WebSessionRow): SessionView => ({
  id: publicId(row), sub: row.sub, role: row.role, startedAt: new Date(row.created_at).toISOString(), lastSeenAt: new Date(row.seen_at).toISOString(),
});

/**
 * Only an administrator ends other people's sessions, and only in their own
 * authority: it is the council's response to a lost laptop or a leaver, not a
 * part of supervising practice, so managers do not get it.
 */
const WHO = ['admin'] as const;

/** The check both verbs make, for a page that shows the search form before anything is listed. */
export function requireSessionAdmin(ctx: VerbContext): void {
  requireRole(ctx.actor, WHO, 'see or end the sessions of users');
}

/** The signed-in sessions of one person of the administrator's authority (idle or timed-out ones may still be listed until swept). */
export async function listSessions({ ctx, sub }: { ctx: VerbContext; sub: string }): Promise<SessionView[]> {
  requireSessionAdmin(ctx);
  return (await listWebSessionsOf(ctx.deps.db, ctx.actor.la, sub)).map(view);
}

/**
 * The same, for the API: a user with no session in the caller's authority is
 * not found, so another authority's users cannot be told from unknown ones.
 */
export async function requireSessions({ ctx, sub }: { ctx: VerbContext; sub: string }): Promise<SessionView[]> {
  const sessions = await listSessions({ ctx, sub });
  if (sessions.length === 0) throw new NotFound(`A signed-in session of ${sub}`);
  return sessions;
}

/** Ends one session of a person (by its id) or all of them; the cookies are refused on their next request. None to end is not found. */
export async function endSessions({ ctx, sub, id }: { ctx: VerbContext; sub: string; id?: string }): Promise<{ ended: number }> {
  requireSessionAdmin(ctx);
  const { deps, actor } = ctx;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const rows = (await listWebSessionsOf(tx, actor.la, sub)).filter((row) => id === undefined || publicId(row) === id);
    if (rows.length === 0) throw new NotFound(id === undefined ? `A signed-in session of ${sub}` : 'This session');
    const ended = await deleteWebSessions(tx, rows.map((row) => row.id_hash));
    await appendAudit(tx, [{
      la: actor.la, contactId: null, action: 'session.ended', actor, at: now,
      detail: { user: sub, sessions: rows.map(publicId), requestId: ctx.requestId },
    }]);
    return { ended };
  });
}
