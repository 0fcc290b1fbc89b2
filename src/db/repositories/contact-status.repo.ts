import type { Database } from '../client.js';

export interface StatusMove {
  la: string;
  contactId: string;
  from: string;
  to: string;
  /** The version the caller read; the move happens only if nobody has changed the contact since. */
  version: number;
  closedAt?: Date;
  /** A new decision deadline, when the move reopens the contact. */
  decisionDueBy?: Date;
}

/**
 * Moves a contact to a new status and bumps its version, only if it is still
 * at the status and version the caller read (an optimistic check in SQL).
 * Returns the new version, or null when someone else got there first.
 */
export async function moveContactStatus(db: Database, move: StatusMove): Promise<number | null> {
  const row = await db.updateTable('contacts')
    .set((eb) => ({
      status: move.to,
      version: eb('version', '+', 1),
      ...(move.closedAt ? { closed_at: move.closedAt } : {}),
      ...(move.decisionDueBy ? { decision_due_by: move.decisionDueBy } : {}),
    }))
    .where('id', '=', move.contactId).where('la', '=', move.la)
    .where('status', '=', move.from).where('version', '=', move.version)
    .returning('version')
    .executeTakeFirst();
  return row ? row.version : null;
}
