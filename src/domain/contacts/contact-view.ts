import type { ContactAdultRow, ContactChildRow, ContactRow, DecisionRow, ReviewRow, Stored as Row, TriageRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { oneOf, oneOfOrNull } from '../../lib/one-of.js';
import { PRIORITIES, ROUTES, URGENCIES } from '../../schemas/codes.js';
import type { ContactWithDecisions } from '../../schemas/decision.schema.js';
import type { TriageView } from '../../schemas/triage.schema.js';
import { decisionsView } from '../decisions/decision-view.js';


export interface ContactRows {
  contact: Row<ContactRow>;
  children: Row<ContactChildRow>[];
  adults: Row<ContactAdultRow>[];
  triage: Row<TriageRow>;
  decisions?: Row<DecisionRow>[];
  reviews?: Row<ReviewRow>[];
}


export function etagOf(contact: { id: string; version: number }): string {
  return `"${contact.id}-${contact.version}"`;
}

/** A triage as the API shows it: the contract's fields, plus the facts and settings it was made with. */
/** The columns a triage view reads: a stored row, or the record of one just written. */
type TriageFields = Pick<
  Row<TriageRow>,
  'id' | 'sequence' | 'created_at' | 'settings' | 'rule_set_hash' | 'route' | 'urgency' | 'response' | 'priority' | 'score' | 'prompts' | 'results' | 'history_complete' | 'facts'
>;

export function triageView(triage: TriageFields): TriageView {
  // The JSON columns hold the evaluator's own answer, written by recordContact (or a re-triage).
  const rules = triage.results as TriageView['rules'];
  return {
    id: triage.id,
    sequence: triage.sequence,
    evaluatedAt: iso(triage.created_at),
    ruleSet: { version: (triage.settings as { ruleSetVersion?: string }).ruleSetVersion ?? null, hash: triage.rule_set_hash },
    route: oneOfOrNull(ROUTES, triage.route),
    urgency: oneOfOrNull(URGENCIES, triage.urgency),
    response: (triage.response ?? []) as TriageView['response'],
    priority: oneOf(PRIORITIES, triage.priority),
    score: triage.score,
    prompts: triage.prompts as TriageView['prompts'],
    rules,
    historyComplete: triage.history_complete,
    facts: triage.facts,
    settings: (triage.settings as { values?: Record<string, unknown> }).values ?? null,
  };
}

/** The contact as stored, with its current triage: the one shape every read returns. */
export function contactView(rows: ContactRows): ContactWithDecisions {
  const { contact, children, adults, triage } = rows;
  return {
    ...contact.record,
    id: contact.id,
    status: contact.status,
    localAuthority: contact.la,
    receivedAt: iso(contact.received_at),
    decisionDueBy: iso(contact.decision_due_by),
    recordedAt: iso(contact.recorded_at),
    recordedBy: contact.recorded_by,
    closedAt: iso(contact.closed_at),
    version: contact.version,
    children: children.map((c) => c.record),
    adults: adults.map((a) => a.record),
    triage: triageView(triage),
    ...decisionsView(rows.decisions ?? [], rows.reviews ?? [], contact.status),
  };
}

export type ContactView = ReturnType<typeof contactView>;
