import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/domain/audit/sample-csv.js';
import { countCell, shareCell, tally } from '../../../src/domain/oversight/cells.js';
import { overrideByRule } from '../../../src/domain/oversight/summarise.js';

describe('small-number cells', () => {
  it('marks a count or a denominator under 5, and hides nothing', () => {
    expect(countCell(4)).toEqual({ count: 4, smallNumber: true });
    expect(countCell(5)).toEqual({ count: 5, smallNumber: false });
    expect(shareCell(5, 6)).toEqual({ count: 5, total: 6, share: 0.8333, smallNumber: false });
    expect(shareCell(4, 60)).toMatchObject({ share: 0.0667, smallNumber: true });
    expect(shareCell(0, 0)).toEqual({ count: 0, total: 0, share: null, smallNumber: true });
  });

  it('tallies per key, keeping the keys named up front even when empty', () => {
    const t = tally(['a', 'b']);
    t.add('c', true); t.add('a', false); t.add('a', true);
    expect(Object.keys(t.shares())).toEqual(['a', 'b', 'c']);
    expect(t.shares().a).toMatchObject({ count: 1, total: 2 });
    expect(t.shares().b).toMatchObject({ count: 0, total: 0, share: null });
  });
});

describe('override rate per rule', () => {
  it('counts a decision once per fired rule, against the rule only when it raised a declined prompt', () => {
    const none = { suggested_route: null, suggested_urgency: null, route: null, urgency: null };
    const rows = [
      { ...none, decided_by: 's', has_departures: true, fired: ['r1', 'r2'], prompt_responses: [{ response: 'declined', raisedBy: ['r1'] }, { response: 'declined', raisedBy: ['r1', 'r3'] }] },
      { ...none, decided_by: 's', has_departures: false, fired: ['r1'], prompt_responses: [{ response: 'accepted', raisedBy: ['r1'] }] },
    ];
    expect(overrideByRule(rows).map((r) => [r.rule, r.count, r.total])).toEqual([['r1', 1, 2], ['r2', 0, 1]]);
  });
});

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks; neutralises formulas; leaves empty for null', () => {
    expect(csvCell('nfa')).toBe('nfa');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell(null)).toBe('');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(true)).toBe('true');
  });
});
