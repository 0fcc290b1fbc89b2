import { listChecks as listCheckRows, type CheckFilter } from '../../db/repositories/checks.repo.js';
import { listSharingForChecks } from '../../db/repositories/sharing.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { checkView } from './check-view.js';

/** The authority's checks, soonest due first: the screener's and manager's list of what partners still owe. */
export async function listChecks({ ctx, filter }: { ctx: VerbContext; filter: CheckFilter }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'list multi-agency checks');
  const now = deps.clock.now();
  const rows = await listCheckRows(deps.db, actor.la, filter, now);
  const sharing = await listSharingForChecks(deps.db, rows.map((r) => r.id));
  return { checks: rows.map((row) => checkView(row, deps.checks.partners, now, sharing.get(row.id) ?? null)) };
}
