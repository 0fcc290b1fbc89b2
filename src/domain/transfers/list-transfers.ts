import { listTransfers as listTransferRows, type TransferFilter } from '../../db/repositories/transfers.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { transferView } from './transfer-view.js';

/** Transfers into the caller's authority, acknowledgement soonest due first. */
export async function listTransfers({ ctx, filter }: { ctx: VerbContext; filter: TransferFilter }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager', 'screener'], 'list transfers between authorities');
  const now = deps.clock.now();
  const rows = await listTransferRows(deps.db, actor.la, filter, now);
  return { transfers: rows.map((row) => transferView(row, now, actor.la)) };
}
