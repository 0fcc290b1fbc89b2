import type { Database } from '../client.js';

/** The contacts of these ids (of one authority) and their children in order, for naming contacts in lists. */
export async function findContactRecords(db: Database, la: string, ids: readonly string[]) {
  if (ids.length === 0) return { contacts: [], children: [] };
  const [contacts, children] = await Promise.all([
    db.selectFrom('contacts').select(['id', 'record', 'received_at', 'referrer_source']).where('la', '=', la).where('id', 'in', [...ids]).execute(),
    db.selectFrom('contact_children').select(['contact_id', 'position', 'record', 'date_of_birth', 'expected_date_of_birth', 'age_days'])
      .where('la', '=', la).where('contact_id', 'in', [...ids]).orderBy('contact_id').orderBy('position').execute(),
  ]);
  return { contacts, children };
}
