import type { Database } from '../../db/client.js';
import { applyLaterTriage } from '../../db/repositories/contact-triage.repo.js';
import { insertTriage, type TriageRecord } from '../../db/repositories/triages.repo.js';
import type { ContactAdultRow, ContactChildRow, ContactRow, TriageRow } from '../../db/schema.js';
import { deriveFacts, type HistoryEvidence } from '../../rules/facts.js';
import type { CheckFinding } from '../../schemas/check.schema.js';
import type { Priority, PromptAction, Route, Urgency } from '../../schemas/codes.js';
import type { ContactInput } from '../../schemas/contact.schema.js';
import { triageView } from '../contacts/contact-view.js';
import { decisionDueBy as dueBy } from '../contacts/decision-due.js';
import type { Deps } from '../context.js';
import { enrich } from './enrich.js';

const DERIVED_CHILD_FIELDS = ['ageDays', 'ageMonths', 'unborn', 'nonMobile', 'canBeSpokenWith'];

/** The contact as it was recorded, rebuilt from its stored rows. */
export function storedInput(contact: ContactRow, children: ContactChildRow[], adults: ContactAdultRow[]): ContactInput {
  return {
    ...(contact.record as object),
    receivedAt: new Date(contact.received_at).toISOString(),
    children: children.map((c) => Object.fromEntries(Object.entries(c.record).filter(([k]) => !DERIVED_CHILD_FIELDS.includes(k)))),
    adults: adults.map((a) => a.record),
  } as ContactInput;
}

export interface LaterTriage {
  row: TriageRecord;
  changes: {
    priority: { before: Priority; after: Priority };
    score: { before: number; after: number };
    /** Null on both sides for triages made without a response table. */
    route: { before: Route | null; after: Route | null };
    urgency: { before: Urgency | null; after: Urgency | null };
    promptsGained: PromptAction[];
    promptsLost: PromptAction[];
    factsChanged: { fact: string; before: unknown; after: unknown }[];
  };
}

/**
 * Triages the contact again on its stored input enriched with every
 * finding so far, and appends the result as the next triage: the earlier
 * ones are never overwritten. Call inside the transaction that holds the
 * contact's row lock, so two answers cannot claim the same sequence.
 */
export async function appendLaterTriage(tx: Database, deps: Deps, args: {
  contact: ContactRow; children: ContactChildRow[]; adults: ContactAdultRow[]; latest: TriageRow;
  history: HistoryEvidence; findings: CheckFinding[]; now: Date;
}): Promise<LaterTriage> {
  const { contact, latest, now } = args;
  const settings = deps.settings.forAuthority(contact.la);
  const enriched = enrich(storedInput(contact, args.children, args.adults), args.history,
    { children: args.children.map((c) => c.id), adults: args.adults.map((a) => a.id) }, args.findings);
  const { facts } = deriveFacts(enriched.input, enriched.history, settings.values);
  const triage = await deps.evaluator.evaluate(facts);
  const row: TriageRecord = {
    id: deps.ids('tri'), contact_id: contact.id, la: contact.la, sequence: latest.sequence + 1,
    rule_set_hash: triage.ruleSet.hash,
    settings: { ruleSetVersion: triage.ruleSet.version, hash: settings.hash, values: settings.values },
    facts, results: triage.rules, prompts: triage.prompts, priority: triage.priority, score: triage.score,
    route: triage.route, urgency: triage.urgency, response: triage.route === null ? null : triage.response,
    history_complete: enriched.history.complete, created_at: now,
  };
  await insertTriage(tx, row);

  const receivedAt = new Date(contact.received_at);
  const due = dueBy(receivedAt, triage, facts.immediateDanger === true, settings);
  // A more urgent picture brings the decision forward; a calmer one never pushes it back.
  const current = new Date(contact.decision_due_by);
  const decisionDueBy = contact.status === 'awaiting_decision' && due < current ? due : current;
  await applyLaterTriage(tx, contact.id, { priority: triage.priority, score: triage.score, decisionDueBy });

  const before = new Set((latest.prompts as { action: PromptAction }[]).map((p) => p.action));
  const after = new Set(triage.prompts.map((p) => p.action));
  const oldFacts = latest.facts as Record<string, unknown>;
  return {
    row,
    changes: {
      priority: { before: latest.priority as Priority, after: triage.priority },
      score: { before: latest.score, after: triage.score },
      route: { before: latest.route as Route | null, after: triage.route },
      urgency: { before: latest.urgency as Urgency | null, after: triage.urgency },
      promptsGained: [...after].filter((a) => !before.has(a)),
      promptsLost: [...before].filter((a) => !after.has(a)),
      factsChanged: Object.keys(facts).filter((k) => JSON.stringify(facts[k as keyof typeof facts]) !== JSON.stringify(oldFacts[k]))
        .map((fact) => ({ fact, before: oldFacts[fact] ?? null, after: facts[fact as keyof typeof facts] })),
    },
  };
}

export const laterTriageView = (later: LaterTriage) => ({ triage: triageView(later.row), changes: later.changes });
