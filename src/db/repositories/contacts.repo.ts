import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../client.js';
import { writeTogether, type PendingWrite } from './write-together.js';
import type { ContactAdultRow, ContactChildRow, ContactRow, DB, NewContactAdultRow, NewContactChildRow, NewContactRow } from '../schema.js';

type WithRecord<T> = Omit<T, 'record'> & { record: Record<string, unknown> };

export interface ContactGraph {
  contact: WithRecord<NewContactRow>;
  children: WithRecord<NewContactChildRow>[];
  adults: WithRecord<NewContactAdultRow>[];
}

const withJson = <T extends { record: Record<string, unknown> }>(row: T) => ({ ...row, record: JSON.stringify(row.record) });

/** The inserts of a contact, its children and its adults, for writeTogether (with whatever else is written with them). */
export function contactGraphWrites(db: Database, graph: ContactGraph): PendingWrite[] {
  return [
    db.insertInto('contacts').values(withJson(graph.contact)),
    db.insertInto('contact_children').values(graph.children.map(withJson)),
    ...(graph.adults.length > 0 ? [db.insertInto('contact_adults').values(graph.adults.map(withJson))] : []),
  ];
}

/** The contact, its children and its adults in one statement: one round trip however many people it names. */
export async function insertContactGraph(db: Database, graph: ContactGraph): Promise<void> {
  await writeTogether(db, contactGraphWrites(db, graph));
}

export async function findContact(db: Database, la: string, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).where('la', '=', la).executeTakeFirst();
}

export async function findContactForUpdate(db: Database, la: string, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).where('la', '=', la).forUpdate().executeTakeFirst();
}

export async function listPeople(db: Database, contactId: string): Promise<{ children: ContactChildRow[]; adults: ContactAdultRow[] }> {
  const [children, adults] = await Promise.all([
    db.selectFrom('contact_children').selectAll().where('contact_id', '=', contactId).orderBy('position').execute(),
    db.selectFrom('contact_adults').selectAll().where('contact_id', '=', contactId).orderBy('position').execute(),
  ]);
  return { children, adults };
}

export interface ChildKey { personId?: string | null; nhsNumber?: string | null }

/**
 * For each child, how many earlier contacts in this authority name the same
 * child (by person id or NHS number) in the 12 months before `before`.
 */
export async function countPriorContacts(db: Database, la: string, children: readonly ChildKey[], before: Date): Promise<number[]> {
  const since = new Date(before.getTime() - 365 * 86_400_000);
  const keyed = children.map((c, i) => ({ ...c, i })).filter((c) => c.personId || c.nhsNumber);
  if (keyed.length === 0) return children.map(() => 0);
  const parts = keyed.map((c) => sql`
    select ${c.i}::int as position, count(distinct contact_id)::int as n from (
      ${c.personId ? sql`select contact_id from contact_children where la = ${la} and person_id = ${c.personId} and received_at >= ${since} and received_at < ${before}` : sql`select null::text as contact_id where false`}
      union
      ${c.nhsNumber ? sql`select contact_id from contact_children where la = ${la} and nhs_number = ${c.nhsNumber} and received_at >= ${since} and received_at < ${before}` : sql`select null::text as contact_id where false`}
    ) prior`);
  const { rows } = await sql<{ position: number; n: number }>`${sql.join(parts, sql` union all `)}`.execute(db);
  const counts = children.map(() => 0);
  for (const row of rows) counts[row.position] = Number(row.n);
  return counts;
}

/** Open contacts of an authority, overdue first and then by due time, each with its current triage's route and urgency. */
export async function listOpenContacts(db: Database, la: string, limit: number) {
  const current = (column: 'route' | 'urgency') => (eb: ExpressionBuilder<DB, 'contacts'>) => eb.selectFrom('triages as t').select(`t.${column}`)
    .whereRef('t.contact_id', '=', 'contacts.id').orderBy('t.sequence', 'desc').limit(1).as(column);
  return db.selectFrom('contacts')
    .select(['id', 'status', 'priority', 'score', 'received_at', 'decision_due_by', 'recorded_by', 'referrer_source'])
    .select([current('route'), current('urgency')])
    .where('la', '=', la).where('status', '!=', 'closed')
    .orderBy('decision_due_by').orderBy('id')
    .limit(limit).execute();
}
