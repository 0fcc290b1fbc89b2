import type { Database } from '../client.js';

/** The contacts of an authority that name this person, as a child or an adult, oldest first. */
export async function listContactsNaming(db: Database, la: string, personId: string) {
  const children = await db.selectFrom('contact_children').select(['contact_id', 'id']).where('la', '=', la).where('person_id', '=', personId).execute();
  const adults = await db.selectFrom('contact_adults as a').innerJoin('contacts as c', 'c.id', 'a.contact_id')
    .select(['a.contact_id', 'a.id']).where('c.la', '=', la).where('a.person_id', '=', personId).execute();
  const ids = [...new Set([...children, ...adults].map((r) => r.contact_id))];
  if (ids.length === 0) return [];
  return db.selectFrom('contacts').selectAll().where('la', '=', la).where('id', 'in', ids).orderBy('received_at').orderBy('id').execute();
}
