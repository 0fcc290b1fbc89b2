import { sql } from 'kysely';
import type { Database } from '../client.js';

export interface ClosedStamp { finalOutcome: string | null; overridden: boolean | null; decidedBy: string | null; youngestAgeMonths: number | null }

/**
 * Stamps a contact, as it is closed, with what stood: the final outcome (the
 * manager's if overturned, else the screener's latest), whether that
 * decision departed from the triage, who decided, and the youngest child's
 * age in months (an unborn child counts as 0). Call it in the closing transaction.
 */
export async function stampClosedContact(db: Database, la: string, contactId: string): Promise<ClosedStamp> {
  const { rows } = await sql<ClosedStamp>`
    update contacts c set
      final_outcome = case when r.verdict = 'overturn' then r.outcome else d.outcome end,
      overridden = jsonb_array_length(d.departures) > 0,
      decided_by = d.decided_by,
      youngest_age_months = (select min(case when (ch.record->>'unborn')::boolean then 0 else (ch.record->>'ageMonths')::int end)
        from contact_children ch where ch.contact_id = c.id)
    from decisions d left join reviews r on r.decision_id = d.id
    where c.id = ${contactId} and c.la = ${la} and d.contact_id = c.id
      and d.sequence = (select max(sequence) from decisions x where x.contact_id = c.id)
    returning c.final_outcome as "finalOutcome", c.overridden, c.decided_by as "decidedBy", c.youngest_age_months as "youngestAgeMonths"`.execute(db);
  return rows[0] ?? { finalOutcome: null, overridden: null, decidedBy: null, youngestAgeMonths: null };
}
