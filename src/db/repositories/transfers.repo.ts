import type { Database } from '../client.js';
import type { Updateable } from 'kysely';
import type { NewTransferRow, TransferRow, TransfersTable } from '../schema.js';

/** The insert of a transfer, for writeTogether. */
export function transferWrite(db: Database, row: NewTransferRow) {
  return db.insertInto('transfers').values(row);
}

export async function insertTransfer(db: Database, row: NewTransferRow): Promise<void> {
  await transferWrite(db, row).execute();
}

/** A transfer either end of the move may act on: the receiving authority or the one the family left. */
export async function findTransferForUpdate(db: Database, la: string, id: string): Promise<TransferRow | undefined> {
  return db.selectFrom('transfers').selectAll().where('id', '=', id)
    .where((eb) => eb.or([eb('la', '=', la), eb('from_la', '=', la)]))
    .forUpdate().executeTakeFirst();
}

export async function updateTransfer(db: Database, id: string, patch: Omit<Updateable<TransfersTable>, 'id'>): Promise<TransferRow> {
  return db.updateTable('transfers').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export interface TransferFilter { status: 'overdue' | 'awaiting_acknowledgement' | 'acknowledged' | 'all'; limit: number }

export async function listTransfers(db: Database, la: string, filter: TransferFilter, now: Date): Promise<TransferRow[]> {
  let q = db.selectFrom('transfers').selectAll().where('la', '=', la);
  if (filter.status === 'overdue') q = q.where('status', '=', 'awaiting_acknowledgement').where('acknowledgement_due_at', '<', now);
  else if (filter.status !== 'all') q = q.where('status', '=', filter.status);
  return q.orderBy('acknowledgement_due_at').orderBy('id').limit(filter.limit).execute();
}

/** The previous authority has our request: the first delivery is when it was told, if nothing earlier is known. */
export async function markPreviousAuthorityNotified(db: Database, contactId: string, at: Date): Promise<TransferRow | undefined> {
  return db.updateTable('transfers').set({ previous_authority_notified: true, previous_authority_notified_at: at })
    .where('contact_id', '=', contactId).where('previous_authority_notified_at', 'is', null)
    .returningAll().executeTakeFirst();
}
