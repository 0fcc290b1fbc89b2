import { addWorkingDays, type WorkingCalendar } from '../../lib/working-days.js';
import type { ContactInput } from '../../schemas/contact.schema.js';

/** A CP transfer-in conference is held within 15 working days of the receiving authority learning of the move. */
export const TRANSFER_IN_CONFERENCE_WORKING_DAYS = 15;

export interface PlannedTransfer {
  plan: 'cp' | 'cin';
  fromLa: string | null;
  movedInOn: string | null;
  awareAt: Date;
  previousAuthorityNotified: boolean | null;
  previousAuthorityNotifiedAt: Date | null;
  acknowledgementDueAt: Date;
  conferenceDueAt: Date | null;
}

/**
 * The transfer a move calls for: only a child protection or child-in-need
 * plan elsewhere is transferred; early help and no plan are not. Time runs
 * from when this authority became aware, the contact's receipt.
 */
export function planTransfer(
  movement: ContactInput['movement'],
  receivedAt: Date,
  acknowledgementHours: { cp: number; cin: number },
  calendar: WorkingCalendar,
): PlannedTransfer | null {
  const plan = movement?.planInPreviousAuthority;
  // As the triage's movedInPlan fact: a plan counts only with a move in or a previous authority to go with it.
  if (!movement || !(movement.movedIntoAreaOn || movement.previousAuthority) || (plan !== 'cp' && plan !== 'cin')) return null;
  const notified = movement.previousAuthorityNotified ?? null;
  return {
    plan,
    fromLa: movement.previousAuthority ?? null,
    movedInOn: movement.movedIntoAreaOn ?? null,
    awareAt: receivedAt,
    previousAuthorityNotified: notified,
    // Told by the time the contact came in: the contact's receipt is the latest it can have been.
    previousAuthorityNotifiedAt: notified === true ? receivedAt : null,
    acknowledgementDueAt: new Date(receivedAt.getTime() + acknowledgementHours[plan] * 3_600_000),
    conferenceDueAt: plan === 'cp' ? addWorkingDays(receivedAt, TRANSFER_IN_CONFERENCE_WORKING_DAYS, calendar) : null,
  };
}
