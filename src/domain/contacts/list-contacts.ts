import { listOpenContacts } from '../../db/repositories/contacts.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';

/** The authority's open contacts with their urgency and due times; the soonest due first (so the overdue lead), as a screener works them. */
export async function listContacts({ ctx, limit = 200 }: { ctx: VerbContext; limit?: number }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'list contacts');
  const now = deps.clock.now().getTime();
  const rows = await listOpenContacts(deps.db, actor.la, limit);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    priority: r.priority,
    score: r.score,
    route: r.route,
    urgency: r.urgency,
    receivedAt: new Date(r.received_at).toISOString(),
    decisionDueBy: new Date(r.decision_due_by).toISOString(),
    overdue: new Date(r.decision_due_by).getTime() < now && r.status === 'awaiting_decision',
    recordedBy: r.recorded_by,
    referrerSource: r.referrer_source,
  }));
}
