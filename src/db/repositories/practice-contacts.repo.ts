import type { Database } from '../client.js';
import type { PracticeContactRow } from '../schema.js';

export type NewPracticeContact = Omit<PracticeContactRow, 'body' | 'expected' | 'triage'> & {
  body: Record<string, unknown>; expected: Record<string, unknown> | null; triage: Record<string, unknown>;
};

export async function insertPracticeContact(db: Database, row: NewPracticeContact): Promise<void> {
  await db.insertInto('practice_contacts').values({
    ...row, body: JSON.stringify(row.body), expected: row.expected === null ? null : JSON.stringify(row.expected), triage: JSON.stringify(row.triage),
  }).execute();
}

export async function findPracticeByReference(db: Database, la: string, reference: string) {
  return db.selectFrom('practice_contacts').select(['id']).where('la', '=', la).where('reference', '=', reference).executeTakeFirst();
}

export async function listPracticeContacts(db: Database, la: string): Promise<PracticeContactRow[]> {
  return db.selectFrom('practice_contacts').selectAll().where('la', '=', la).orderBy('reference').execute();
}

export async function findPracticeContacts(db: Database, la: string, ids: readonly string[]): Promise<PracticeContactRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('practice_contacts').selectAll().where('la', '=', la).where('id', 'in', ids).execute();
}
