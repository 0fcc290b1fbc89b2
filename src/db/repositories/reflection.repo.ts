import { sql } from 'kysely';
import type { Database } from '../client.js';
import type { SecondScreenRow } from '../schema.js';

export interface DecisionOfScreener { contact_id: string; decided_by: string; outcome: string; departed: boolean; verdict: string | null }

/** Decisions made in [from, to) by any of the screeners, each with the manager's verdict on it, if any. */
export async function listDecisionsBy(db: Database, la: string, subs: readonly string[], from: Date, to: Date): Promise<DecisionOfScreener[]> {
  if (subs.length === 0) return [];
  const { rows } = await sql<DecisionOfScreener>`
    select d.contact_id, d.decided_by, d.outcome, jsonb_array_length(d.departures) > 0 as departed, r.verdict
    from decisions d left join reviews r on r.decision_id = d.id
    where d.la = ${la} and d.decided_at >= ${from} and d.decided_at < ${to} and d.decided_by in (${sql.join(subs)})`.execute(db);
  return rows;
}

/** Second screens recorded in [from, to) where any of the screeners was first or second. */
export async function listScreensInvolving(db: Database, la: string, subs: readonly string[], from: Date, to: Date): Promise<SecondScreenRow[]> {
  if (subs.length === 0) return [];
  return db.selectFrom('second_screens').selectAll().where('la', '=', la)
    .where('screened_at', '>=', from).where('screened_at', '<', to)
    .where((eb) => eb.or([eb('first_decided_by', 'in', subs), eb('screener', 'in', subs)]))
    .execute();
}
