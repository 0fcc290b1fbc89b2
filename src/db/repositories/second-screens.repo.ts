import { sql } from 'kysely';
import type { Database } from '../client.js';
import type { NewSecondScreenRow, SecondScreenRow } from '../schema.js';

export interface DrawCandidate {
  contact_id: string;
  decision_id: string;
  decided_by: string;
  /** What stood: the manager's outcome if overturned, else the screener's. */
  standing_outcome: string;
  prior_contacts: number | null;
  youngest_months: number | null;
}

/** Decisions that stand (the latest of a decided or closed contact) and have never been considered for a second screen. */
export async function listDrawCandidates(db: Database, la: string, limit: number): Promise<DrawCandidate[]> {
  const { rows } = await sql<DrawCandidate>`
    select c.id as contact_id, d.id as decision_id, d.decided_by,
      case when r.verdict = 'overturn' then r.outcome else d.outcome end as standing_outcome,
      (t.facts->>'priorContactsLast12Months')::int as prior_contacts,
      (select min((ch.record->>'ageMonths')::int) from contact_children ch
        where ch.contact_id = c.id and coalesce((ch.record->>'unborn')::boolean, false) = false) as youngest_months
    from contacts c
    join lateral (select id, decided_by, outcome, triage_id, decided_at from decisions where contact_id = c.id order by sequence desc limit 1) d on true
    left join reviews r on r.decision_id = d.id
    join triages t on t.id = d.triage_id
    where c.la = ${la} and c.status in ('decided', 'closed')
      and not exists (select 1 from second_screen_considerations k where k.contact_id = c.id and k.decision_id = d.id)
    order by d.decided_at, c.id
    limit ${limit}`.execute(db);
  return rows;
}

/** One draw at a time per authority: a second would consider the same decisions. */
export async function lockDraws(db: Database, la: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`second-screen-draw:${la}`}))`.execute(db);
}

export async function insertDraw(db: Database, draw: {
  id: string; la: string; drawn_by: string; drawn_at: Date; seed: string; settings_hash: string; rules: Record<string, unknown>; considered: number; selected: number;
}, considerations: { contact_id: string; decision_id: string; draw_value: number; selected: boolean; criterion: string | null }[], screens: NewSecondScreenRow[]): Promise<void> {
  await db.insertInto('second_screen_draws').values({ ...draw, rules: JSON.stringify(draw.rules) }).execute();
  if (considerations.length > 0) {
    await db.insertInto('second_screen_considerations')
      .values(considerations.map((k) => ({ ...k, la: draw.la, draw_id: draw.id }))).execute();
  }
  if (screens.length > 0) await db.insertInto('second_screens').values(screens).execute();
}

/**
 * Second screens a screener may take: awaiting a screen, not on a decision of
 * their own, and on a contact they have never worked on (a blind read of it
 * aside), so that the second opinion is independent.
 */
export async function listTakeable(db: Database, la: string, sub: string, limit: number) {
  const { rows } = await sql<SecondScreenRow & { priority: string; received_at: Date }>`
    select s.*, c.priority, c.received_at from second_screens s join contacts c on c.id = s.contact_id
    where s.la = ${la} and s.status = 'awaiting_screen' and s.first_decided_by <> ${sub}
      and ${notTouchedBy(sub)}
    order by s.selected_at, s.id limit ${limit}`.execute(db);
  return rows;
}

const notTouchedBy = (sub: string) => sql`not exists (
  select 1 from audit_log a where a.contact_id = s.contact_id and a.la = s.la and a.actor_sub = ${sub}
    and a.action not like 'second\\_screen.%' and not (a.action = 'contact.read' and a.detail->>'blind' = 'true'))`;

export async function mayTake(db: Database, screen: SecondScreenRow, sub: string): Promise<boolean> {
  if (screen.first_decided_by === sub) return false;
  const { rows } = await sql<{ ok: boolean }>`select ${notTouchedBy(sub)} as ok from second_screens s where s.id = ${screen.id}`.execute(db);
  return rows[0]?.ok === true;
}

/** Of the given contacts (all when none given), those whose decision a screener may not see: a second screen is waiting on them. */
export async function contactsUnderBlindScreen(db: Database, la: string, sub: string, contactIds?: readonly string[]): Promise<Set<string>> {
  if (contactIds && contactIds.length === 0) return new Set();
  let q = db.selectFrom('second_screens').select('contact_id')
    .where('la', '=', la).where('status', '=', 'awaiting_screen').where('first_decided_by', '<>', sub);
  if (contactIds) q = q.where('contact_id', 'in', contactIds);
  return new Set((await q.execute()).map((r) => r.contact_id));
}

export async function findSecondScreen(db: Database, la: string, id: string): Promise<SecondScreenRow | undefined> {
  return db.selectFrom('second_screens').selectAll().where('la', '=', la).where('id', '=', id).executeTakeFirst();
}

export async function findSecondScreenForUpdate(db: Database, la: string, id: string): Promise<SecondScreenRow | undefined> {
  return db.selectFrom('second_screens').selectAll().where('la', '=', la).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listSecondScreens(db: Database, la: string, status: string | null, limit: number): Promise<SecondScreenRow[]> {
  let q = db.selectFrom('second_screens').selectAll().where('la', '=', la);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('selected_at').orderBy('id').limit(limit).execute();
}

/** Moves a second screen on from the status it was read in; null when someone else moved it first. */
export async function updateSecondScreen(db: Database, screen: SecondScreenRow, changes: Partial<NewSecondScreenRow>): Promise<SecondScreenRow | undefined> {
  return db.updateTable('second_screens').set({ ...changes, version: screen.version + 1 })
    .where('id', '=', screen.id).where('version', '=', screen.version).returningAll().executeTakeFirst();
}
