import { describe, expect, it } from 'vitest';
import { selectForSecondScreen } from '../../../src/domain/second-screens/selection.js';
import { seededDraw } from '../../../src/lib/agreement/seeded-random.js';

const RULES = { seed: 's', noActionShare: 0.1, otherShare: 0, infantRepeat: { underMonths: 12, contactsInTwelveMonths: 3 } };
const candidate = (over: Partial<Parameters<typeof selectForSecondScreen>[0]> = {}) => ({
  contact_id: 'con_x', decision_id: 'dec_x', decided_by: 'a', standing_outcome: 'nfa', prior_contacts: 0, youngest_months: 48, ...over,
});

describe('selection for a second screen', () => {
  it('every contact about a baby that is the third in 12 months, whatever was decided', () => {
    expect(selectForSecondScreen(candidate({ youngest_months: 11, prior_contacts: 2, standing_outcome: 'strategy_discussion' }), RULES).criterion).toBe('infant_repeat_contact');
    expect(selectForSecondScreen(candidate({ youngest_months: 11, prior_contacts: 1, standing_outcome: 'strategy_discussion' }), RULES).criterion).toBeNull();
    expect(selectForSecondScreen(candidate({ youngest_months: 12, prior_contacts: 5, standing_outcome: 'strategy_discussion' }), RULES).criterion).toBeNull();
  });

  it('a share of no-action decisions, by a draw from the seed and the contact id alone', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `con_${i}`);
    const drawn = ids.filter((id) => selectForSecondScreen(candidate({ contact_id: id }), RULES).criterion === 'no_action_share');
    expect(drawn.length / ids.length).toBeGreaterThan(0.08);
    expect(drawn.length / ids.length).toBeLessThan(0.12);
    expect(drawn).toEqual(ids.filter((id) => seededDraw('s', id) < 0.1));
    expect(ids.filter((id) => selectForSecondScreen(candidate({ contact_id: id, standing_outcome: 'information_advice' }), RULES).criterion)).toEqual(drawn);
  });

  it('other decisions only when the authority sets a share for them', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `con_${i}`);
    expect(ids.filter((id) => selectForSecondScreen(candidate({ contact_id: id, standing_outcome: 'assessment_s17' }), RULES).criterion)).toEqual([]);
    expect(ids.filter((id) => selectForSecondScreen(candidate({ contact_id: id, standing_outcome: 'assessment_s17' }), { ...RULES, otherShare: 1 }).criterion)).toHaveLength(200);
  });
});
