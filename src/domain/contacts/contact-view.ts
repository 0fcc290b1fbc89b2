import { isoInstant as iso } from '../../lib/dates.js';
import type { ContactAdultRow, ContactChildRow, ContactRow, DecisionRow, ReviewRow, TriageRow , Stored as Row } from '../../db/schema.js';
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
export function triageView(triage: Row<TriageRow>) {
  const rules = triage.results as { id: string }[];
  return {
    id: triage.id,
    sequence: triage.sequence,
    evaluatedAt: iso(triage.created_at),
    ruleSet: { version: (triage.settings as { ruleSetVersion?: string }).ruleSetVersion ?? null, hash: triage.rule_set_hash },
    route: triage.route,
    urgency: triage.urgency,
    response: triage.response ?? [],
    priority: triage.priority,
    score: triage.score,
    prompts: triage.prompts,
    rules,
    historyComplete: triage.history_complete,
    facts: triage.facts,
    settings: (triage.settings as { values?: unknown }).values ?? null,
  };
}

/** The contact as stored, with its current triage: the one shape every read returns. */
export function contactView(rows: ContactRows) {
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
