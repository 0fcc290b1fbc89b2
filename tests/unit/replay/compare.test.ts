import { describe, expect, it } from 'vitest';
import { compareTriages, type ComparableTriage } from '../../../src/rules/compare.js';

const legacy: ComparableTriage = { priority: 'amber', score: 15, route: null, urgency: null, response: null, prompts: [{ action: 'household_checks' }], rules: [{ id: 'under-one' }] };
const step = { step: 'route', id: 'needs-a-closer-look', reason: 'A closer look.' };
const current: ComparableTriage = { ...legacy, score: 50, route: 's17_assessment', urgency: 'one_working_day', response: [step] };

describe('compareTriages', () => {
  it('a triage made without a response table matches its replay: null route and urgency, no steps on either side', () => {
    expect(compareTriages(legacy, { ...legacy, response: [] })).toEqual([]);
  });

  it('names a changed route, urgency or step', () => {
    expect(compareTriages(current, current)).toEqual([]);
    const reworded = { ...step, reason: 'Another.' };
    expect(compareTriages(current, { ...current, route: 's47_strategy', urgency: 'same_day', response: [reworded] })).toEqual([
      { field: 'route', stored: 's17_assessment', replayed: 's47_strategy' },
      { field: 'urgency', stored: 'one_working_day', replayed: 'same_day' },
      { field: 'response.needs-a-closer-look', stored: step, replayed: reworded },
    ]);
  });

  it('a legacy triage replayed by a pack with a table differs in route and urgency', () => {
    expect(compareTriages(legacy, current).map((d) => d.field)).toEqual(['score', 'route', 'urgency', 'response.needs-a-closer-look']);
  });
});
