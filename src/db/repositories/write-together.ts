import { sql, type Compilable, type OperationNodeSource } from 'kysely';
import type { Database } from '../client.js';

/** An insert (or other write) built but not yet run. */
export type PendingWrite = Compilable & OperationNodeSource;

/**
 * Several writes sent as one statement: all but the last become
 * data-modifying CTEs (`with w0 as (insert …), w1 as (insert …) insert …`).
 * One round trip instead of one per write, and all or nothing: every CTE
 * runs exactly once whether or not it is referenced, and foreign keys are
 * checked at the end of the statement. recordContact still sends it inside a
 * transaction (see there). The parts share one snapshot, so none may
 * read what another writes; each must only insert.
 */
export async function writeTogether(db: Database, writes: readonly PendingWrite[]): Promise<void> {
  const last = writes.at(-1);
  if (last === undefined) return;
  const ctes = writes.slice(0, -1).map((write, i) => sql`${sql.ref(`w${i}`)} as (${write})`);
  await (ctes.length === 0 ? sql`${last}` : sql`with ${sql.join(ctes)} ${last}`).execute(db);
}
