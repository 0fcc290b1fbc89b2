import type { SecondScreenRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { oneOf, present } from '../../lib/one-of.js';
import { PRIORITIES, ROUTES, URGENCIES } from '../../schemas/codes.js';
import { OUTCOMES } from '../../schemas/decision.schema.js';
import {
  type BlindSecondScreen, SECOND_SCREEN_STATUSES, type SecondScreen, SELECTION_CRITERIA, STANDINGS,
} from '../../schemas/second-screen.schema.js';

/** The whole second screen, for managers and for the screeners once their part is done. */
export function secondScreenView(row: SecondScreenRow): SecondScreen {
  return {
    id: row.id,
    contactId: row.contact_id,
    status: oneOf(SECOND_SCREEN_STATUSES, row.status),
    criterion: oneOf(SELECTION_CRITERIA, row.criterion),
    drawId: row.draw_id,
    selectedAt: iso(row.selected_at),
    first: { decisionId: row.decision_id, outcome: oneOf(OUTCOMES, row.first_outcome), decidedBy: row.first_decided_by },
    second: row.screener === null ? null : {
      // Written together with the screener by recordSecondScreen.
      screener: row.screener,
      outcome: oneOf(OUTCOMES, present(row.outcome, 'outcome')),
      route: oneOf(ROUTES, present(row.route, 'route')),
      urgency: oneOf(URGENCIES, present(row.urgency, 'urgency')),
      rationale: present(row.rationale, 'rationale'),
      screenedAt: iso(present(row.screened_at, 'screened_at')),
    },
    agrees: row.agrees,
    settlement: row.settled_by === null ? null : {
      // Written together with settled_by by settleSecondScreen.
      standing: oneOf(STANDINGS, present(row.standing, 'standing')),
      outcome: oneOf(OUTCOMES, present(row.settled_outcome, 'settled_outcome')),
      rationale: present(row.settlement_rationale, 'settlement_rationale'),
      settledBy: row.settled_by,
      settledAt: iso(present(row.settled_at, 'settled_at')),
      reopened: row.reopened === true,
    },
    version: row.version,
  };
}

/** What a screener who may take it sees: that it waits, and for which contact; nothing of the first decision or why it was drawn. */
export function blindSecondScreenView(row: SecondScreenRow & { priority: string; received_at: Date | string }): BlindSecondScreen {
  return {
    id: row.id,
    contactId: row.contact_id,
    status: 'awaiting_screen' as const,
    priority: oneOf(PRIORITIES, row.priority),
    receivedAt: iso(row.received_at),
    selectedAt: iso(row.selected_at),
  };
}
