import type { Database } from '../client.js';
import type { FamilyExplanationRow, NewFamilyExplanationRow } from '../schema.js';

export async function insertFamilyExplanation(db: Database, row: Omit<NewFamilyExplanationRow, 'not_for_family'> & { not_for_family: string[] }): Promise<void> {
  await db.insertInto('family_explanations').values({ ...row, not_for_family: JSON.stringify(row.not_for_family) }).execute();
}

export async function listFamilyExplanations(db: Database, la: string, contactId: string): Promise<FamilyExplanationRow[]> {
  return db.selectFrom('family_explanations').selectAll().where('la', '=', la).where('contact_id', '=', contactId)
    .orderBy('sent_at').orderBy('id').execute();
}

/** The decision that stands on a contact: its latest, with the manager's outcome in place of the screener's when overturned. */
export async function findStandingDecision(db: Database, contactId: string) {
  return db.selectFrom('decisions as d')
    .leftJoin('reviews as r', 'r.decision_id', 'd.id')
    .select(['d.id', 'd.outcome', 'd.urgency', 'd.decided_at', 'r.verdict', 'r.outcome as review_outcome'])
    .where('d.contact_id', '=', contactId).orderBy('d.sequence', 'desc').limit(1).executeTakeFirst();
}
