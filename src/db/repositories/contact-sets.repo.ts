import type { Database } from '../client.js';
import type { ClosedContactColumns, ContactAdultRow, ContactChildRow, ContactRow, DecisionRow, ReviewRow, TriageRow } from '../schema.js';

export interface ContactSetRows {
  contacts: (ContactRow & ClosedContactColumns)[];
  children: ContactChildRow[];
  adults: ContactAdultRow[];
  /** The latest triage of each contact. */
  triages: TriageRow[];
  decisions: DecisionRow[];
  reviews: ReviewRow[];
}

/** Many contacts of one authority with everything a reader sees, one statement per table however many contacts. */
export async function loadContactSet(db: Database, la: string, ids: readonly string[]): Promise<ContactSetRows> {
  if (ids.length === 0) return { contacts: [], children: [], adults: [], triages: [], decisions: [], reviews: [] };
  const list = [...ids];
  const [contacts, children, adults, triages, decisions, reviews] = await Promise.all([
    db.selectFrom('contacts').selectAll().where('la', '=', la).where('id', 'in', list).execute(),
    db.selectFrom('contact_children').selectAll().where('contact_id', 'in', list).orderBy('contact_id').orderBy('position').execute(),
    db.selectFrom('contact_adults').selectAll().where('contact_id', 'in', list).orderBy('contact_id').orderBy('position').execute(),
    db.selectFrom('triages').selectAll().distinctOn('contact_id').where('contact_id', 'in', list).orderBy('contact_id').orderBy('sequence', 'desc').execute(),
    db.selectFrom('decisions').selectAll().where('contact_id', 'in', list).orderBy('contact_id').orderBy('sequence').execute(),
    db.selectFrom('reviews').selectAll().where('contact_id', 'in', list).orderBy('contact_id').orderBy('reviewed_at').orderBy('id').execute(),
  ]);
  return { contacts, children, adults, triages, decisions, reviews };
}
