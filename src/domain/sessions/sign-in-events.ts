import { appendAudit } from '../../db/repositories/audit.repo.js';
import { insertWebSession, takeWebSession } from '../../db/repositories/web-sessions.repo.js';
import type { Actor } from '../actor.js';
import type { Deps } from '../context.js';

/** What signing in and out needs: the sessions live beside the audit log. */
export type SessionDeps = Pick<Deps, 'db' | 'clock'>;

/** How a person signed in: the demo form or the council's identity provider. */
export type SignInMethod = 'demo' | 'oidc';

/** Stores a new browser session and records the sign-in, in one transaction. */
export async function openSession(deps: SessionDeps, input: { actor: Actor; idHash: string; csrf: string; method: SignInMethod; requestId?: string }): Promise<void> {
  const { actor } = input;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await insertWebSession(tx, { idHash: input.idHash, sub: actor.sub, role: actor.role, la: actor.la, csrf: input.csrf, at: now });
    await appendAudit(tx, [{
      la: actor.la, contactId: null, action: 'session.signed-in', actor, at: now,
      detail: { method: input.method, requestId: input.requestId ?? null },
    }]);
  });
}

/** Ends the session behind a cookie and records the sign-out; nothing is recorded for a session already gone. */
export async function closeSession(deps: SessionDeps, input: { idHash: string; requestId?: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    const row = await takeWebSession(tx, input.idHash);
    if (!row) return;
    await appendAudit(tx, [{
      la: row.la, contactId: null, action: 'session.signed-out', actor: { sub: row.sub, role: row.role }, at: now,
      detail: { requestId: input.requestId ?? null },
    }]);
  });
}

/**
 * A person the provider vouched for whom this service will not let in (no
 * mapped role, or two). Recorded in their authority's log; with no authority
 * there is no log to write to, so the caller logs it instead. Only the
 * reason is kept: never the claims themselves.
 */
export async function recordRefusedSignIn(deps: SessionDeps, input: { sub: string; la: string; reason: string; requestId?: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await appendAudit(tx, [{
      la: input.la, contactId: null, action: 'session.sign-in-refused', actor: { sub: input.sub, role: 'none' }, at: now,
      detail: { method: 'oidc', reason: input.reason, requestId: input.requestId ?? null },
    }]);
  });
}
