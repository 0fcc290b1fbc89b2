import { describe, expect, it } from 'vitest';
import { eventWords, statusChangeWords } from '../../../src/web/audit/trail-event-words.js';
import { linesSummary, trailLines, type TrailEvent } from '../../../src/web/audit/trail-lines.js';

let n = 0;
const event = (action: string, sub: string, at: string, detail: Record<string, unknown> = {}, change: TrailEvent['change'] = null): TrailEvent => ({
  id: `aud_${++n}`, chainIndex: n, inclusion: null, event: action.replace(/^contact\./, ''), action, actor: { sub, role: 'manager' }, at, change, detail,
});

describe('the trail as lines', () => {
  it('shows each run of reads as one line with who read and when, and keeps every event', () => {
    const events = [
      event('contact.recorded', 'anna', '2026-11-02T09:00:00.000Z'),
      event('contact.read', 'anna', '2026-11-02T09:01:00.000Z'), event('contact.read', 'ben', '2026-11-02T09:05:00.000Z'),
      event('contact.read', 'anna', '2026-11-02T09:06:00.000Z'), event('contact.trail_read', 'dev', '2026-11-02T10:00:00.000Z'),
      event('contact.decided', 'anna', '2026-11-02T11:00:00.000Z', { outcome: 'nfa' }, { statusBefore: 'awaiting_decision', statusAfter: 'awaiting_review' }),
      event('contact.read', 'ben', '2026-11-02T12:00:00.000Z'),
    ];
    const lines = trailLines(events);
    expect(lines.map((l) => l.kind)).toEqual(['event', 'reads', 'event', 'reads']);
    expect(lines[1]).toMatchObject({ kind: 'reads', people: ['anna', 'ben', 'dev'], first: '2026-11-02T09:01:00.000Z', last: '2026-11-02T10:00:00.000Z' });
    expect(linesSummary(lines)).toEqual({ lines: 4, events: 7, reads: 5 });
  });

  it('shows checks asked of several partners at once as one line, and a later check event on its own', () => {
    const at = '2026-11-02T09:00:00.000Z';
    const lines = trailLines([
      event('check.requested', 'anna', at, { partner: 'police', status: 'awaiting_basis' }),
      event('check.requested', 'anna', at, { partner: 'education', status: 'awaiting_basis' }),
      event('check.sharing_recorded', 'anna', '2026-11-02T09:10:00.000Z', { partner: 'police', sharingId: 'shr_1' }),
      event('check.responded', 'anna', '2026-11-02T10:00:00.000Z', { partner: 'police' }),
    ]);
    expect(lines.map((l) => (l.kind === 'event' ? l.event.action : `${l.kind}:${l.events.length}`))).toEqual(['checks:2', 'check.sharing_recorded', 'checks:1']);
  });

  it('says the outcome, the verdict and the status change in words', () => {
    const decided = event('contact.decided', 'anna', '2026-11-02T11:00:00.000Z',
      { outcome: 'nfa', promptResponses: [{ action: 'strategy_discussion', response: 'declined' }, { action: 'speak_to_child', response: 'accepted' }] },
      { statusBefore: 'awaiting_decision', statusAfter: 'awaiting_review' });
    expect(eventWords(decided)).toBe('anna decided: No further action. Declined: strategy discussion.');
    expect(statusChangeWords(decided)).toBe('waiting for a decision → waiting for a manager’s review');
    const reviewed = event('contact.reviewed', 'ben', '2026-11-02T12:00:00.000Z', { verdict: 'overturn', screenerOutcome: 'nfa', outcome: 'strategy_discussion' });
    expect(eventWords(reviewed)).toBe('ben overturned the screener’s decision: No further action → Strategy discussion (s47).');
    const endorsed = event('contact.reviewed', 'ben', '2026-11-02T12:00:00.000Z', { verdict: 'endorse', screenerOutcome: 'nfa', outcome: null });
    expect(eventWords(endorsed)).toBe('ben endorsed the screener’s decision (No further action).');
    const settled = event('second_screen.settled', 'mo', '2026-11-02T12:00:00.000Z', { standing: 'second', outcome: 'assessment_s17', reopened: true });
    expect(eventWords(settled)).toBe('mo settled the two screens: the second screener’s outcome stands (Child and family assessment (s17)); the contact goes back for a new decision.');
  });
});
