import { auditWrite } from '../../db/repositories/audit.repo.js';
import { contactGraphWrites } from '../../db/repositories/contacts.repo.js';
import { triageWrite } from '../../db/repositories/triages.repo.js';
import { writeTogether } from '../../db/repositories/write-together.js';
import { deriveFacts } from '../../rules/facts.js';
import { referrerGroup } from '../../schemas/codes.js';
import type { ContactInput } from '../../schemas/contact.schema.js';
import { requireRole } from '../actor.js';
import { followUpWrites, planFollowUps } from '../checks/open-follow-ups.js';
import type { VerbContext } from '../context.js';
import { ValidationFailed } from '../errors.js';
import { contactView, type ContactRows } from './contact-view.js';
import { decisionDueBy as dueBy } from './decision-due.js';
import { gatherHistory } from './gather-history.js';
import { present } from '../../lib/one-of.js';

/** A contact may be entered after the fact, never ahead of the clock (allowing for a few minutes of skew). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Records a contact and triages it: facts from the contact and the
 * children's history, every rule evaluated, and the contact, its people,
 * the triage, its follow-ups and the audit entries stored in one statement
 * (so one transaction and one round trip).
 */
export async function recordContact({ ctx, input }: { ctx: VerbContext; input: ContactInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener'], 'record a contact');
  const now = deps.clock.now();
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new ValidationFailed('The contact cannot have been received in the future', [{ path: '/receivedAt', message: 'is later than now' }]);
  }

  const settings = deps.settings.forAuthority(actor.la);
  const history = await gatherHistory(deps, actor.la, input);
  const { facts, children: derived } = deriveFacts(input, history, settings.values);
  const triage = await deps.evaluator.evaluate(facts);
  const decisionDueBy = dueBy(receivedAt, triage, facts.immediateDanger === true, settings);

  const contactId = deps.ids('con');
  const triageId = deps.ids('tri');
  const { children, adults, ...contactRecord } = input;
  const rows: ContactRows = {
    contact: {
      id: contactId,
      la: actor.la,
      status: 'awaiting_decision',
      received_at: receivedAt,
      decision_due_by: decisionDueBy,
      priority: triage.priority,
      score: triage.score,
      referrer_source: input.referrer.source,
      referrer_group: referrerGroup(input.referrer.source),
      channel: input.channel ?? null,
      immediate_danger: input.immediateDanger ?? null,
      youngest_age_days: typeof facts.youngestAgeDays === 'number' ? facts.youngestAgeDays : null,
      record: contactRecord,
      recorded_by: actor.sub,
      recorded_at: now,
      version: 1,
      closed_at: null,
    },
    children: children.map((child, i) => {
      const d = present(derived[i], 'derived child');
      return {
        id: deps.ids('chd'),
        contact_id: contactId,
        la: actor.la,
        position: i,
        person_id: child.personId ?? null,
        nhs_number: child.nhsNumber ?? null,
        date_of_birth: child.dateOfBirth ?? null,
        expected_date_of_birth: child.expectedDateOfBirth ?? null,
        age_days: d.ageDays,
        received_at: receivedAt,
        ethnicity: child.ethnicity ?? null,
        record: { ...child, ageDays: d.ageDays, ageMonths: d.ageMonths, unborn: d.unborn, nonMobile: d.nonMobile, canBeSpokenWith: d.canBeSpokenWith },
      };
    }),
    adults: (adults ?? []).map((adult, i) => ({
      id: deps.ids('adt'), contact_id: contactId, position: i, person_id: adult.personId ?? null, role: adult.role ?? null, record: adult,
    })),
    triage: {
      id: triageId,
      contact_id: contactId,
      la: actor.la,
      sequence: 1,
      rule_set_hash: triage.ruleSet.hash,
      settings: { ruleSetVersion: triage.ruleSet.version, hash: settings.hash, values: settings.values },
      facts,
      results: triage.rules,
      prompts: triage.prompts,
      priority: triage.priority,
      score: triage.score,
      route: triage.route,
      urgency: triage.urgency,
      response: triage.route === null ? null : triage.response,
      history_complete: history.complete,
      created_at: now,
    },
  };

  const followUps = planFollowUps(ctx, rows, triage.prompts);
  const audit = auditWrite(deps.db, [
    {
      la: actor.la, contactId, action: 'contact.recorded', actor, at: now,
      detail: {
        status: 'awaiting_decision', receivedAt: receivedAt.toISOString(), referrerSource: input.referrer.source,
        children: rows.children.map((c) => c.id), adults: rows.adults.map((a) => a.id), requestId: ctx.requestId,
      },
    },
    {
      la: actor.la, contactId, action: 'contact.triaged', actor, at: now,
      detail: {
        triageId, sequence: 1, ruleSetHash: triage.ruleSet.hash, ruleSetVersion: triage.ruleSet.version, settingsHash: settings.hash,
        priority: triage.priority, score: triage.score, route: triage.route, urgency: triage.urgency,
        responseSteps: triage.response.map((s) => s.id), prompts: triage.prompts.map((p) => ({ action: p.action, indicator: p.indicator })),
        fired: triage.rules.filter((r) => r.fired).map((r) => r.id), historyComplete: history.complete, decisionDueBy: decisionDueBy.toISOString(), facts,
      },
    },
    ...followUps.events,
  ]);
  // One statement in one transaction: the contact, its people, its triage, its follow-ups and their audit entries, all or none.
  // The explicit transaction is kept although one statement would be atomic alone: a connection that freezes while the
  // statement is sent then leaves the server idle in a transaction, which DB_IDLE_IN_TRANSACTION_TIMEOUT_MS ends; outside
  // one, the multi-instance run found the frozen instance's later requests failing (cause not yet found).
  await deps.db.transaction().execute((tx) => writeTogether(tx, [
    ...contactGraphWrites(tx, rows), triageWrite(tx, rows.triage), ...followUpWrites(tx, followUps), audit.write,
  ]));
  deps.logger.info({ contactId, priority: triage.priority, requestId: ctx.requestId }, 'contact recorded');
  return contactView(rows);
}
