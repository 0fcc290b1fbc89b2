import { sql } from 'kysely';
import type { Database } from '../client.js';
import type { Period } from './oversight.repo.js';

export interface NoActionContactRow {
  id: string;
  decided_by: string;
  /** When the no-action outcome stood: the decision, or the manager's overturn to it. */
  settled_at: Date;
  fired: string[];
  declined: string[];
  /** The first later contact about one of its children (person id or NHS number), if any. */
  first_recontact_at: Date | null;
  /** The first later contact about one of its children whose outcome, once it stood, was action (not NFA or advice). */
  first_action_recontact_at: Date | null;
}

const STANDING_OUTCOME = (contactId: ReturnType<typeof sql.ref>) => sql`(
  select case when r.verdict = 'overturn' then r.outcome else d.outcome end
  from decisions d left join reviews r on r.decision_id = d.id
  where d.contact_id = ${contactId} order by d.sequence desc limit 1)`;

/**
 * Contacts closed in [from, to) whose outcome was no further action or
 * information and advice, each with the rules that fired, the prompts the
 * decision declined, and when the family next came back.
 */
export async function listClosedNoAction(db: Database, period: Period & { screener?: string }): Promise<NoActionContactRow[]> {
  const { rows } = await sql<NoActionContactRow>`
    with nfa as (
      select c.id, c.la, d.decided_by, d.prompt_responses, t.results,
        case when r.verdict = 'overturn' then r.reviewed_at else d.decided_at end as settled_at
      from contacts c
      join lateral (select id, decided_by, prompt_responses, triage_id, decided_at from decisions where contact_id = c.id order by sequence desc limit 1) d on true
      left join reviews r on r.decision_id = d.id
      join triages t on t.id = d.triage_id
      where c.la = ${period.la} and c.status = 'closed' and c.final_outcome in ('nfa', 'information_advice')
        and c.closed_at >= ${period.from} and c.closed_at < ${period.to}
        ${period.screener ? sql`and d.decided_by = ${period.screener}` : sql``}
    ), later as (
      -- Two lookups rather than one join on (a or b), so each can use its own index.
      select n.id as nfa_id, lch.contact_id, lch.received_at from nfa n
        join contact_children ch on ch.contact_id = n.id and ch.person_id is not null
        join contact_children lch on lch.la = n.la and lch.person_id = ch.person_id and lch.contact_id <> n.id and lch.received_at > n.settled_at
      union
      select n.id, lch.contact_id, lch.received_at from nfa n
        join contact_children ch on ch.contact_id = n.id and ch.nhs_number is not null
        join contact_children lch on lch.la = n.la and lch.nhs_number = ch.nhs_number and lch.contact_id <> n.id and lch.received_at > n.settled_at
    )
    select n.id, n.decided_by, n.settled_at,
      coalesce((select jsonb_agg(x->>'id') from jsonb_array_elements(n.results) x where (x->>'fired')::boolean), '[]'::jsonb) as fired,
      coalesce((select jsonb_agg(distinct x->>'action') from jsonb_array_elements(n.prompt_responses) x where x->>'response' = 'declined'), '[]'::jsonb) as declined,
      (select min(l.received_at) from later l where l.nfa_id = n.id) as first_recontact_at,
      (select min(l.received_at) from later l join contacts lc on lc.id = l.contact_id
        where l.nfa_id = n.id and lc.status in ('decided', 'closed')
          and ${STANDING_OUTCOME(sql.ref('lc.id'))} not in ('nfa', 'information_advice')) as first_action_recontact_at
    from nfa n order by n.id`.execute(db);
  return rows;
}

/** Each screener's team in the authority (a screener is in one team at most). */
export async function teamsOfScreeners(db: Database, la: string): Promise<Map<string, { id: string; name: string }>> {
  const rows = await db.selectFrom('team_members as m').innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['m.sub', 't.id', 't.name']).where('m.la', '=', la).where('m.role', '=', 'screener').execute();
  return new Map(rows.map((r) => [r.sub, { id: r.id, name: r.name }]));
}
