import type { readTrail } from '../../domain/audit/read-trail.js';

export type TrailEvent = Awaited<ReturnType<typeof readTrail>>['events'][number];

/** What the page shows for the trail: the API's events unchanged, some of them shown together. */
export type TrailLine =
  | { kind: 'reads'; events: TrailEvent[]; people: string[]; first: string; last: string }
  | { kind: 'checks'; action: string; events: TrailEvent[] }
  | { kind: 'event'; event: TrailEvent };

/** Looking at the contact changes nothing: these are shown as one line for each run of them. */
const READ_ACTIONS: ReadonlySet<string> = new Set(['contact.read', 'contact.trail_read', 'second_screen.read']);

/** Check events other than the sharing decision, which has its own line with the basis and consent. */
const isCheck = (action: string) => action.startsWith('check.') && action !== 'check.sharing_recorded';
const sameMoment = (a: TrailEvent, b: TrailEvent) => a.action === b.action && a.at === b.at && a.actor.sub === b.actor.sub;

/**
 * The trail as a manager or auditor reads it. Every run of reads between two
 * events that changed something becomes one line ("read 12 times by 3
 * people"), and checks asked of several partners in one act become one line
 * naming each partner. Nothing is dropped: each line keeps its events, and the
 * API's trail stays complete.
 */
export function trailLines(events: readonly TrailEvent[]): TrailLine[] {
  const lines: TrailLine[] = [];
  for (const event of events) {
    const last = lines.at(-1);
    if (READ_ACTIONS.has(event.action)) {
      if (last?.kind === 'reads') {
        last.events.push(event);
        last.last = event.at;
        if (!last.people.includes(event.actor.sub)) last.people.push(event.actor.sub);
      } else {
        lines.push({ kind: 'reads', events: [event], people: [event.actor.sub], first: event.at, last: event.at });
      }
    } else if (isCheck(event.action) && last?.kind === 'checks' && sameMoment(last.events[0] ?? event, event)) {
      last.events.push(event);
    } else if (isCheck(event.action)) {
      lines.push({ kind: 'checks', action: event.action, events: [event] });
    } else {
      lines.push({ kind: 'event', event });
    }
  }
  return lines;
}

/** How many lines stand for how many events: the figure the page states above the trail. */
export const linesSummary = (lines: readonly TrailLine[]) => ({
  lines: lines.length,
  events: lines.reduce((n, l) => n + (l.kind === 'event' ? 1 : l.events.length), 0),
  reads: lines.reduce((n, l) => n + (l.kind === 'reads' ? l.events.length : 0), 0),
});
