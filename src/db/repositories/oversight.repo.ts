import { sql } from 'kysely';
import type { Database } from '../client.js';

export interface Period { la: string; from: Date; to: Date }

export interface PeriodContactRow {
  id: string;
  priority: string;
  referrer_group: string;
  status: string;
  decision_due_by: Date;
  first_decided_at: Date | null;
  /** What stands once decided: the manager's outcome if overturned, else the screener's latest; null while undecided. */
  final_outcome: string | null;
  /** For an NFA: another contact about one of its children within 365 days after the NFA stood. */
  recontacted: boolean | null;
}

/** Contacts received in [from, to), each with what stood and, after an NFA, whether the child came back. */
export async function listPeriodContacts(db: Database, period: Period): Promise<PeriodContactRow[]> {
  const { rows } = await sql<PeriodContactRow>`
    with settled as (
      select c.id, c.la, c.priority, c.referrer_group, c.status, c.decision_due_by,
        (select min(d0.decided_at) from decisions d0 where d0.contact_id = c.id) as first_decided_at,
        case when c.status in ('decided', 'closed') then case when r.verdict = 'overturn' then r.outcome else d.outcome end end as final_outcome,
        case when r.verdict = 'overturn' then r.reviewed_at else d.decided_at end as settled_at
      from contacts c
      left join lateral (select id, outcome, decided_at from decisions where contact_id = c.id order by sequence desc limit 1) d on true
      left join reviews r on r.decision_id = d.id
      where c.la = ${period.la} and c.received_at >= ${period.from} and c.received_at < ${period.to}
    )
    select id, priority, referrer_group, status, decision_due_by, first_decided_at, final_outcome,
      -- Two lookups rather than one join on (a or b), so each can use its own index.
      case when final_outcome = 'nfa' then exists (
        select 1 from contact_children ch join contact_children later
          on later.la = s.la and later.person_id = ch.person_id
        where ch.contact_id = s.id and ch.person_id is not null and later.person_id is not null and later.contact_id <> s.id
          and later.received_at > s.settled_at and later.received_at <= s.settled_at + interval '365 days'
      ) or exists (
        select 1 from contact_children ch join contact_children later
          on later.la = s.la and later.nhs_number = ch.nhs_number
        where ch.contact_id = s.id and ch.nhs_number is not null and later.nhs_number is not null and later.contact_id <> s.id
          and later.received_at > s.settled_at and later.received_at <= s.settled_at + interval '365 days'
      ) end as recontacted
    from settled s
    order by id`.execute(db);
  return rows;
}

export interface PeriodChildRow { contact_id: string; ethnicity: string | null }

/** The children named on contacts received in [from, to). */
export async function listPeriodChildren(db: Database, period: Period): Promise<PeriodChildRow[]> {
  return db.selectFrom('contact_children as ch').innerJoin('contacts as c', 'c.id', 'ch.contact_id')
    .select(['ch.contact_id', 'ch.ethnicity'])
    .where('c.la', '=', period.la).where('c.received_at', '>=', period.from).where('c.received_at', '<', period.to)
    .execute();
}

export interface PeriodDecisionRow {
  decided_by: string;
  prompt_responses: { response: string; raisedBy: string[] }[];
  has_departures: boolean;
  /** Ids of the rules that fired in the triage the decision answered. */
  fired: string[];
  /** What that triage suggested, and what the decision stands on; null for triages without a response table. */
  suggested_route: string | null;
  suggested_urgency: string | null;
  route: string | null;
  urgency: string | null;
}

/** Decisions made in [from, to), each with the rules its triage fired. */
export async function listPeriodDecisions(db: Database, period: Period): Promise<PeriodDecisionRow[]> {
  const { rows } = await sql<PeriodDecisionRow>`
    select d.decided_by, d.prompt_responses, jsonb_array_length(d.departures) > 0 as has_departures,
      t.route as suggested_route, t.urgency as suggested_urgency, d.route, d.urgency,
      coalesce((select jsonb_agg(x->>'id') from jsonb_array_elements(t.results) x where (x->>'fired')::boolean), '[]'::jsonb) as fired
    from decisions d join triages t on t.id = d.triage_id
    where d.la = ${period.la} and d.decided_at >= ${period.from} and d.decided_at < ${period.to}`.execute(db);
  return rows;
}

export interface ReviewCountRow { reviewed_by: string; verdict: string; n: number }

/** Reviews made in [from, to), counted by manager and verdict. */
export async function countPeriodReviews(db: Database, period: Period): Promise<ReviewCountRow[]> {
  const rows = await db.selectFrom('reviews').select(['reviewed_by', 'verdict', (eb) => eb.fn.countAll<number>().as('n')])
    .where('la', '=', period.la).where('reviewed_at', '>=', period.from).where('reviewed_at', '<', period.to)
    .groupBy(['reviewed_by', 'verdict']).orderBy('reviewed_by').execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
