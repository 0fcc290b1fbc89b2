import { findContact, listPeople } from '../../db/repositories/contacts.repo.js';
import { findStandingDecision, listFamilyExplanations } from '../../db/repositories/family.repo.js';
import type { Database } from '../../db/client.js';
import type { ContactInput } from '../../schemas/contact.schema.js';
import { Conflict, NotFound } from '../errors.js';
import type { Audience, ExplanationFacts } from './compose-explanation.js';
import type { Withheld } from './disclosure-guard.js';
import { present } from '../../lib/one-of.js';

/**
 * What an explanation of this contact is built from, and what it must not
 * say: the referrer's identity (unless a professional agreed), the narrative
 * (it carries other people's words and details), every partner's answer,
 * the adults' identifiers, and what the screener marked not for the family.
 */
export async function explanationSources(db: Database, la: string, contactId: string, o: { audience: Audience; referrerAgreedToBeNamed: boolean; notForFamily: string[] }) {
  const contact = await findContact(db, la, contactId);
  if (!contact) throw new NotFound(`Contact ${contactId}`);
  if (contact.status !== 'decided' && contact.status !== 'closed') {
    throw new Conflict(`Contact ${contactId} has no decision that stands yet (it is ${contact.status.replace(/_/g, ' ')}); explain it once decided`);
  }
  const decision = present(await findStandingDecision(db, contactId), 'standing decision');
  const record = contact.record as unknown as Omit<ContactInput, 'children' | 'adults'>;
  const { children, adults } = await listPeople(db, contactId);
  const checks = await db.selectFrom('checks').select(['partner', 'response']).where('contact_id', '=', contactId).execute();
  const earlier = await listFamilyExplanations(db, la, contactId);
  const professional = contact.referrer_group === 'professional';
  const named = professional && o.referrerAgreedToBeNamed && record.referrer.organisation ? record.referrer.organisation : null;

  const withheld: Withheld[] = [];
  const add = (kind: Withheld['kind'], reason: string, text: string | null | undefined) => { if (text && text.trim().length >= 3) withheld.push({ kind, reason, text }); };
  add('referrer', 'the referrer’s name', record.referrer.name);
  if (!named) {
    add('referrer', professional ? 'the referrer’s organisation: they did not agree to be named' : 'who the referrer is: a member of the public is never named', record.referrer.organisation);
    add('referrer', 'the referrer’s role', record.referrer.role);
    add('referrer', 'the referrer’s relationship to the child', record.referrer.relationshipToChild);
  }
  add('record', 'the referrer’s account: it carries other people’s words and details', record.narrative);
  for (const a of adults) add('other_adult', 'another adult’s identifier', a.person_id);
  for (const c of checks) {
    const r = c.response as { summary?: string; respondent?: { name?: string | null; role?: string | null } } | null;
    add('partner', `what ${c.partner.replace(/_/g, ' ')} told us`, r?.summary);
    add('partner', `who at ${c.partner.replace(/_/g, ' ')} answered`, r?.respondent?.name);
  }
  for (const n of [...o.notForFamily, ...earlier.flatMap((e) => e.not_for_family as string[])]) add('not_for_family', 'marked by the screener as not for the family', n);

  const facts: ExplanationFacts = {
    audience: o.audience, childCount: children.length, receivedAt: new Date(contact.received_at), referrerGroup: contact.referrer_group,
    namedReferrer: named, outcome: decision.verdict === 'overturn' && decision.review_outcome ? decision.review_outcome : decision.outcome,
    urgency: decision.urgency, decidedAt: new Date(decision.decided_at),
  };
  return { contact, decisionId: decision.id, facts, withheld, referrerNamed: named !== null };
}
