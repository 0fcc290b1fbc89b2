import { checkStatusWords, outcomeWords, partnerWords, priorityWords, promptWords, statusWords, verdictWords, type PartnerNames } from '../code-words.js';
import { responseLabel } from '../labels.js';
import type { TrailEvent } from './trail-lines.js';

const TITLES: Record<string, string> = {
  'contact.recorded': 'Contact recorded', 'contact.triaged': 'Triaged', 'contact.retriaged': 'Triaged again',
  'contact.decided': 'Screener’s decision', 'contact.reviewed': 'Manager’s review', 'contact.returned': 'Manager’s review: returned',
  'contact.closed': 'Contact closed', 'contact.reopened': 'Decision reopened', 'contact.replayed': 'Rules replayed',
  'contact.family_explanation_sent': 'Explanation sent to the family', 'contact.disclosed': 'Information disclosed',
  'check.requested': 'Checks requested', 'check.sharing_recorded': 'Basis for sharing recorded', 'check.dispatched': 'Check sent',
  'check.dispatch_failed': 'Sending a check failed', 'check.dispatch_abandoned': 'Sending a check abandoned', 'check.overdue': 'Check overdue',
  'check.chased': 'Partner chased', 'check.responded': 'Partner replied',
};
export const eventTitle = (action: string) => TITLES[action] ?? action.replace(/^contact\./, '').replace(/[._]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

const text = (v: unknown) => (typeof v === 'string' ? v : null);
type Detail = Record<string, unknown>;
type Response = { action: string; response: string };

/** The outcome, the verdict and what changed, in words: the sentence under an event's heading, or null when the heading says it all. */
export function eventWords(event: TrailEvent): string | null {
  const d = event.detail as Detail;
  switch (event.action) {
    case 'contact.triaged': case 'contact.retriaged': {
      const priority = text(d.priority) ?? text(d.priorityAfter);
      const route = text(d.route);
      const urgency = text(d.urgency);
      return [priority ? `Priority ${priorityWords(priority)}` : null, route && urgency ? `suggested ${responseLabel(route, urgency)}` : null].filter(Boolean).join('; ') || null;
    }
    case 'contact.decided': {
      const declined = ((d.promptResponses as Response[] | undefined) ?? []).filter((r) => r.response === 'declined').map((r) => promptWords(r.action));
      return `${event.actor.sub} decided: ${outcomeWords(text(d.outcome))}.${declined.length ? ` Declined: ${declined.join(', ')}.` : ''}`;
    }
    case 'contact.reviewed': case 'contact.returned': {
      const overturned = d.verdict === 'overturn' && text(d.outcome);
      return `${event.actor.sub} ${verdictWords(d.verdict)}${overturned ? `: ${outcomeWords(text(d.screenerOutcome))} → ${outcomeWords(overturned)}` : text(d.screenerOutcome) ? ` (${outcomeWords(text(d.screenerOutcome))})` : ''}.`;
    }
    case 'contact.closed':
      return `Outcome that stands: ${outcomeWords(text(d.finalOutcome))}${d.overridden ? ' (the manager’s, overturning the screener’s)' : ''}.`;
    case 'second_screen.recorded':
      return `${event.actor.sub} screened it again, blind: ${outcomeWords(text(d.outcome))}; ${d.agrees ? 'agrees with' : 'differs from'} the first decision.`;
    case 'second_screen.settled':
      return `${event.actor.sub} settled the two screens: ${d.standing === 'neither' ? 'neither outcome stands' : `the ${String(d.standing)} screener’s outcome stands`} (${outcomeWords(text(d.outcome))})${d.reopened ? '; the contact goes back for a new decision' : ''}.`;
    default:
      return null;
  }
}

/** A check event's partner and, where the event says, the check's status: "Police: waiting for the basis for sharing". */
export function checkWords(event: TrailEvent, names: PartnerNames): string {
  const d = event.detail as Detail;
  const status = checkStatusWords(d.status);
  const extra = event.action === 'check.responded' ? (d.noInformationHeld ? 'no information held' : 'information given')
    : event.action === 'check.chased' ? `reminder ${String(d.reminder ?? '')}`.trim()
    : text(d.reason);
  return `${partnerWords(names, d.partner)}${status ? `: ${status}` : ''}${extra ? `${status ? '; ' : ': '}${extra}` : ''}`;
}

/** "waiting for a decision → waiting for a manager’s review", or null when the event moved no status. */
export const statusChangeWords = (event: TrailEvent) => (event.change ? `${statusWords(event.change.statusBefore)} → ${statusWords(event.change.statusAfter)}` : null);
