import { describe, expect, it } from 'vitest';
import { allowedTargets, assertTransition, type StatusEvent } from '../../../src/domain/contacts/status.js';
import { Conflict } from '../../../src/domain/errors.js';
import { CONTACT_STATUSES } from '../../../src/schemas/codes.js';

const EVENTS: StatusEvent[] = ['decide', 'endorse', 'overturn', 'return', 'close'];

describe('the contact lifecycle', () => {
  it('allows exactly the transitions of the design, and nothing else', () => {
    const allowed = CONTACT_STATUSES.flatMap((from) => EVENTS.flatMap((event) => allowedTargets(from, event).map((to) => `${from} -${event}-> ${to}`)));
    expect(allowed.sort()).toEqual([
      'awaiting_decision -decide-> awaiting_review',
      'awaiting_decision -decide-> decided',
      'awaiting_review -endorse-> decided',
      'awaiting_review -overturn-> decided',
      'awaiting_review -return-> awaiting_decision',
      'decided -close-> closed',
    ]);
  });

  it('refuses anything else with a 409 naming the current status', () => {
    for (const from of CONTACT_STATUSES) {
      for (const event of EVENTS) {
        if (allowedTargets(from, event).length > 0) continue;
        let error: unknown;
        try { assertTransition(from, event); } catch (e) { error = e; }
        expect(error, `${from} ${event}`).toBeInstanceOf(Conflict);
        expect((error as Conflict).status).toBe(409);
        expect((error as Conflict).extra).toEqual({ currentStatus: from });
        expect((error as Conflict).message).toContain(from);
      }
    }
    expect(() => assertTransition('awaiting_decision', 'decide', 'closed')).toThrow(Conflict);
  });
});
