import type { Database } from '../client.js';
import type { ContactRow } from '../schema.js';

/** A later triage becomes the contact's current one: its priority and score, and a new version (stale ETags fail). */
export async function applyLaterTriage(db: Database, id: string, change: { priority: string; score: number; decisionDueBy: Date }): Promise<ContactRow> {
  return db.updateTable('contacts')
    .set((eb) => ({ priority: change.priority, score: change.score, decision_due_by: change.decisionDueBy, version: eb('version', '+', 1) }))
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
