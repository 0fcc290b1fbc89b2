import type { ContactStatus } from '../../schemas/codes.js';
import { Conflict } from '../errors.js';

/** What moves a contact on: the screener's decision, the manager's verdicts, and closing. */
export type StatusEvent = 'decide' | 'endorse' | 'overturn' | 'return' | 'close' | 'reopen';

/**
 * Every status a contact may move to, and by what. This is the only place
 * the lifecycle is written down; every verb asks it before changing status.
 */
const TRANSITIONS: Record<ContactStatus, Partial<Record<StatusEvent, readonly ContactStatus[]>>> = {
  awaiting_decision: { decide: ['decided', 'awaiting_review'] },
  awaiting_review: { endorse: ['decided'], overturn: ['decided'], return: ['awaiting_decision'] },
  // New information that raises a critical prompt the decision never answered reopens it for a new decision.
  decided: { close: ['closed'], reopen: ['awaiting_decision'] },
  closed: {},
};

const DOING: Record<StatusEvent, string> = {
  decide: 'take a decision on',
  endorse: 'endorse the decision on',
  overturn: 'overturn the decision on',
  return: 'return the decision on',
  close: 'close',
  reopen: 'reopen',
};

export function allowedTargets(from: string, event: StatusEvent): readonly ContactStatus[] {
  return TRANSITIONS[from as ContactStatus]?.[event] ?? [];
}

/** Refuses, as a 409 naming the current status, a move the lifecycle does not allow. */
export function assertTransition(from: string, event: StatusEvent, to?: ContactStatus): void {
  const targets = allowedTargets(from, event);
  if (targets.length === 0 || (to !== undefined && !targets.includes(to))) {
    throw new Conflict(`Cannot ${DOING[event]} a contact whose status is ${from}`, { currentStatus: from });
  }
}
