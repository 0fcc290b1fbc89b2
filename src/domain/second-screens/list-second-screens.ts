import { listSecondScreens as listRows, listTakeable } from '../../db/repositories/second-screens.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { blindSecondScreenView, secondScreenView } from './second-screen-view.js';

/**
 * A manager sees the authority's second screens in full; a screener sees
 * only those they may take, and of those nothing that hints at the first
 * decision.
 */
export async function listSecondScreens({ ctx, status, limit }: { ctx: VerbContext; status: string; limit: number }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'list second screens');
  if (actor.role === 'screener') {
    return { items: (await listTakeable(deps.db, actor.la, actor.sub, limit)).map(blindSecondScreenView) };
  }
  return { items: (await listRows(deps.db, actor.la, status === 'all' ? null : status, limit)).map(secondScreenView) };
}
