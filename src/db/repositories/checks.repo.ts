import { sql } from 'kysely';
import type { Database } from '../client.js';
import type { CheckRow, NewCheckRow } from '../schema.js';

type CheckPatch = Partial<Omit<CheckRow, 'id' | 'la' | 'contact_id' | 'asks' | 'people' | 'response'>> & { response?: Record<string, unknown> };

export const OUTSTANDING = ['awaiting_basis', 'awaiting_dispatch', 'dispatch_failed', 'send_by_hand', 'awaiting_response'] as const;

export type NewCheck = Omit<NewCheckRow, 'asks' | 'people'> & { asks: unknown[]; people: unknown[] };

/** The insert of checks, for writeTogether: none when there are no checks. */
export function checksWrites(db: Database, checks: readonly NewCheck[]) {
  if (checks.length === 0) return [];
  return [db.insertInto('checks').values(checks.map((c) => ({ ...c, asks: JSON.stringify(c.asks), people: JSON.stringify(c.people) })))];
}

export async function insertChecks(db: Database, checks: readonly NewCheck[]): Promise<void> {
  await Promise.all(checksWrites(db, checks).map((write) => write.execute()));
}

export async function findCheck(db: Database, la: string, id: string): Promise<CheckRow | undefined> {
  return db.selectFrom('checks').selectAll().where('id', '=', id).where('la', '=', la).executeTakeFirst();
}

export async function findCheckForUpdate(db: Database, la: string, id: string): Promise<CheckRow | undefined> {
  return db.selectFrom('checks').selectAll().where('id', '=', id).where('la', '=', la).forUpdate().executeTakeFirst();
}

export async function updateCheck(db: Database, id: string, patch: CheckPatch): Promise<CheckRow> {
  const { response, ...rest } = patch;
  return db.updateTable('checks')
    .set({ ...rest, ...(response !== undefined ? { response: JSON.stringify(response) } : {}) })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export interface CheckFilter { status: 'outstanding' | 'overdue' | 'responded' | 'all'; contactId?: string | undefined; limit: number }

export async function listChecks(db: Database, la: string, filter: CheckFilter, now: Date): Promise<CheckRow[]> {
  let q = db.selectFrom('checks').selectAll().where('la', '=', la);
  if (filter.contactId) q = q.where('contact_id', '=', filter.contactId);
  if (filter.status === 'outstanding') q = q.where('status', 'in', [...OUTSTANDING]);
  if (filter.status === 'overdue') q = q.where('status', 'in', [...OUTSTANDING]).where('due_at', '<', now);
  if (filter.status === 'responded') q = q.where('status', '=', 'responded');
  return q.orderBy('due_at').orderBy('id').limit(filter.limit).execute();
}

/**
 * Takes up to `limit` checks that are due to be sent and leases them until
 * `leaseUntil`: another dispatcher skips them meanwhile, and one that dies
 * mid-send leaves them to be picked up again when the lease runs out.
 */
export async function claimChecksToSend(db: Database, now: Date, leaseUntil: Date, limit: number): Promise<CheckRow[]> {
  const { rows } = await sql<CheckRow>`
    update checks set attempts = attempts + 1, next_attempt_at = ${leaseUntil}
    where id in (
      select id from checks
      where status in ('awaiting_dispatch', 'dispatch_failed') and next_attempt_at <= ${now}
      order by next_attempt_at limit ${limit}
      for update skip locked)
    returning *`.execute(db);
  return rows;
}

/** Outstanding checks past their due time that are yet to be marked overdue, or whose partner is due a reminder. */
export async function listChecksToChase(db: Database, now: Date, chasedBefore: Date, limit: number): Promise<CheckRow[]> {
  return db.selectFrom('checks').selectAll()
    .where('status', 'in', [...OUTSTANDING]).where('due_at', '<', now)
    .where((eb) => eb.or([
      eb('overdue_at', 'is', null),
      eb.and([eb('dispatch', '=', 'api'), eb('status', '=', 'awaiting_response'), eb.or([eb('chased_at', 'is', null), eb('chased_at', '<', chasedBefore)])]),
    ]))
    .orderBy('due_at').limit(limit).execute();
}

/** Marks a check overdue once; false when another sweep got there first. */
export async function markCheckOverdue(db: Database, id: string, at: Date): Promise<boolean> {
  const row = await db.updateTable('checks').set({ overdue_at: at }).where('id', '=', id).where('overdue_at', 'is', null)
    .returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function markCheckChased(db: Database, id: string, at: Date): Promise<number | null> {
  const row = await db.updateTable('checks').set((eb) => ({ chased_at: at, chase_count: eb('chase_count', '+', 1) }))
    .where('id', '=', id).where('status', '=', 'awaiting_response').returning('chase_count').executeTakeFirst();
  return row ? row.chase_count : null;
}

export async function listRespondedChecks(db: Database, contactId: string): Promise<CheckRow[]> {
  return db.selectFrom('checks').selectAll().where('contact_id', '=', contactId).where('status', '=', 'responded')
    .orderBy('responded_at').orderBy('id').execute();
}

export async function listAskedPartners(db: Database, contactId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('checks').select('partner').where('contact_id', '=', contactId).execute();
  return new Set(rows.map((r) => r.partner));
}
