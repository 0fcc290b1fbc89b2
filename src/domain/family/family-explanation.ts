import { createHash } from 'node:crypto';
import { appendAudit } from '../../db/repositories/audit.repo.js';
import { insertFamilyExplanation, listFamilyExplanations } from '../../db/repositories/family.repo.js';
import type { FamilyExplanationRow } from '../../db/schema.js';
import { isoInstant } from '../../lib/dates.js';
import { readability, withinTarget } from '../../lib/readability.js';
import type { FamilyDraftInput, FamilySendInput } from '../../schemas/family.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound, ValidationFailed } from '../errors.js';
import { findContact } from '../../db/repositories/contacts.repo.js';
import { composeExplanation } from './compose-explanation.js';
import { disclosedIn } from './disclosure-guard.js';
import { explanationSources } from './explanation-sources.js';

const scored = (text: string) => { const r = readability(text); return { ...r, withinTarget: withinTarget(r) }; };

/** The letter as drafted for the practitioner to read and edit, with its reading age and what it must not say. Nothing is stored. */
export async function draftFamilyExplanation({ ctx, contactId, input }: { ctx: VerbContext; contactId: string; input: FamilyDraftInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'draft an explanation for the family');
  const src = await explanationSources(deps.db, actor.la, contactId, input);
  const text = composeExplanation(src.facts, deps.settings.forAuthority(actor.la).calendar);
  return {
    contactId, decisionId: src.decisionId, audience: input.audience, text, readability: scored(text),
    withheld: src.withheld.map(({ kind, reason }) => ({ kind, reason })),
  };
}

/**
 * Sends (stores) the letter as the practitioner leaves it. A text that gives
 * away anything withheld is refused, naming the kind and never echoing it.
 */
export async function sendFamilyExplanation({ ctx, contactId, input }: { ctx: VerbContext; contactId: string; input: FamilySendInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'send an explanation to the family');
  const src = await explanationSources(deps.db, actor.la, contactId, input);
  const leaks = disclosedIn(input.text, src.withheld);
  if (leaks.length > 0) {
    throw new ValidationFailed('The letter says something the family must not be told', [...new Set(leaks.map((l) => l.reason))].map((reason) => ({ path: '/text', message: `gives away ${reason}` })));
  }
  const drafted = composeExplanation(src.facts, deps.settings.forAuthority(actor.la).calendar);
  const r = readability(input.text);
  const now = deps.clock.now();
  const row = {
    id: deps.ids('fex'), la: actor.la, contact_id: contactId, decision_id: src.decisionId, audience: input.audience, text: input.text,
    drafted_text: drafted, reading_ease: r.readingEase, grade: r.grade, reading_age: r.readingAge, not_for_family: input.notForFamily,
    referrer_named: src.referrerNamed, sent_by: actor.sub, sent_at: now,
  };
  await deps.db.transaction().execute(async (tx) => {
    await insertFamilyExplanation(tx, row);
    await appendAudit(tx, [{
      la: actor.la, contactId, action: 'contact.family_explanation_sent', actor, at: now,
      detail: {
        explanationId: row.id, decisionId: src.decisionId, audience: input.audience, edited: input.text !== drafted,
        textSha256: createHash('sha256').update(input.text).digest('hex'), readingEase: r.readingEase, grade: r.grade, readingAge: r.readingAge,
        referrerNamed: src.referrerNamed, notForFamilyNotes: input.notForFamily.length, requestId: ctx.requestId,
      },
    }]);
  });
  return explanationView({ ...row, not_for_family: row.not_for_family } as unknown as FamilyExplanationRow);
}

export function explanationView(row: FamilyExplanationRow) {
  return {
    id: row.id, contactId: row.contact_id, decisionId: row.decision_id, audience: row.audience, text: row.text, edited: row.text !== row.drafted_text,
    readability: { ...readability(row.text), readingEase: row.reading_ease, grade: row.grade, readingAge: row.reading_age, withinTarget: row.reading_age <= 12 },
    notForFamily: row.not_for_family as string[], referrerNamed: row.referrer_named, sentBy: row.sent_by, sentAt: isoInstant(row.sent_at),
  };
}

export async function listSentExplanations({ ctx, contactId }: { ctx: VerbContext; contactId: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager', 'auditor'], 'read the explanations sent to the family');
  if (!await findContact(deps.db, actor.la, contactId)) throw new NotFound(`Contact ${contactId}`);
  return { explanations: (await listFamilyExplanations(deps.db, actor.la, contactId)).map(explanationView) };
}
