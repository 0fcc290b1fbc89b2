import type { SecondScreenRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';

/** The whole second screen, for managers and for the screeners once their part is done. */
export function secondScreenView(row: SecondScreenRow) {
  return {
    id: row.id,
    contactId: row.contact_id,
    status: row.status,
    criterion: row.criterion,
    drawId: row.draw_id,
    selectedAt: iso(row.selected_at)!,
    first: { decisionId: row.decision_id, outcome: row.first_outcome, decidedBy: row.first_decided_by },
    second: row.screener === null ? null : {
      screener: row.screener, outcome: row.outcome!, route: row.route!, urgency: row.urgency!, rationale: row.rationale!, screenedAt: iso(row.screened_at)!,
    },
    agrees: row.agrees,
    settlement: row.settled_by === null ? null : {
      standing: row.standing!, outcome: row.settled_outcome!, rationale: row.settlement_rationale!, settledBy: row.settled_by,
      settledAt: iso(row.settled_at)!, reopened: row.reopened === true,
    },
    version: row.version,
  };
}

/** What a screener who may take it sees: that it waits, and for which contact; nothing of the first decision or why it was drawn. */
export function blindSecondScreenView(row: SecondScreenRow & { priority: string; received_at: Date | string }) {
  return {
    id: row.id,
    contactId: row.contact_id,
    status: 'awaiting_screen' as const,
    priority: row.priority,
    receivedAt: iso(row.received_at)!,
    selectedAt: iso(row.selected_at)!,
  };
}
