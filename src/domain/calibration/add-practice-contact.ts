import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findPracticeByReference, insertPracticeContact } from '../../db/repositories/practice-contacts.repo.js';
import type { PracticeContactInput } from '../../schemas/calibration.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { Conflict } from '../errors.js';
import { practiceSummary } from './practice-view.js';
import { triagePractice } from './practice-triage.js';

/**
 * Adds a practice contact to the authority's bank, triaged once by the rule
 * set in force. It is stored apart from real contacts, so no list, sample,
 * check, feedback or oversight figure can ever meet it.
 */
export async function addPracticeContact({ ctx, input }: { ctx: VerbContext; input: PracticeContactInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager', 'admin'], 'add a practice contact');
  const triage = await triagePractice(deps.evaluator, deps.settings.forAuthority(actor.la).values, input.contact);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const existing = await findPracticeByReference(tx, actor.la, input.reference);
    if (existing) throw new Conflict(`The bank already holds ${input.reference}`, { practiceContactId: existing.id });
    const row = {
      id: deps.ids('prc'), la: actor.la, source: input.source, reference: input.reference, title: input.title, narrative: input.narrative,
      body: input.contact as Record<string, unknown>, expected: input.expected ?? null, triage, rule_set_hash: triage.ruleSetHash,
      added_by: actor.sub, added_at: now,
    };
    await insertPracticeContact(tx, row);
    await appendAudit(tx, [{
      la: actor.la, contactId: null, action: 'practice_contact.added', actor, at: now,
      detail: { practiceContactId: row.id, reference: input.reference, source: input.source, ruleSetHash: triage.ruleSetHash, requestId: ctx.requestId },
    }]);
    return practiceSummary(row);
  });
}
