import { findContactRecords } from '../../db/repositories/contact-summaries.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';

export interface ChildSummary { givenName: string | null; age: string | null }
export interface ContactSummary { children: ChildSummary[]; referrerSource: string; concerns: string[]; receivedAt: string }

/** A child's age when the contact came in, as a practitioner says it: "4 months", "3 years", "unborn, due 2027-01-12". */
export function ageOf(child: { date_of_birth: string | null; expected_date_of_birth: string | null; age_days: number | null }): string | null {
  if (!child.date_of_birth && child.expected_date_of_birth) return `unborn, due ${child.expected_date_of_birth}`;
  if (child.age_days === null) return null;
  const months = Math.floor(child.age_days / 30.4375);
  if (months < 24) return months === 1 ? '1 month' : `${months} months`;
  return `${Math.floor(child.age_days / 365.25)} years`;
}

/**
 * What a person recognises a contact by: the children's given names and ages,
 * the referrer, the concerns and when it came in. For lists of contacts the
 * actor's authority may already see; contacts of another authority are left out.
 */
export async function summariseContacts({ ctx, ids }: { ctx: VerbContext; ids: readonly string[] }): Promise<Map<string, ContactSummary>> {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager', 'auditor', 'admin'], 'see contacts');
  const { contacts, children } = await findContactRecords(deps.db, actor.la, ids);
  return new Map(contacts.map((row) => {
    const record = row.record as { concerns?: string[] };
    return [row.id, {
      children: children.filter((c) => c.contact_id === row.id).map((c) => {
        const given = (c.record as { givenName?: unknown }).givenName;
        return { givenName: typeof given === 'string' && given ? given : null, age: ageOf(c) };
      }),
      referrerSource: row.referrer_source,
      concerns: record.concerns ?? [],
      receivedAt: new Date(row.received_at).toISOString(),
    }];
  }));
}
