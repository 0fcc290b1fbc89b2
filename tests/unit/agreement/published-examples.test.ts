import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from '../../../src/lib/agreement/bootstrap.js';
import { countsFrom, fleissCategoryKappas, fleissKappa } from '../../../src/lib/agreement/fleiss.js';
import { agreementFigures } from '../../../src/lib/agreement/figures.js';
import { krippendorffAlpha } from '../../../src/lib/agreement/krippendorff.js';

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section
 * C: four observers, twelve units, values 1–5, with gaps. Published results:
 * nominal α = 0.743, ordinal α = 0.815.
 */
const OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const KRIPPENDORFF_UNITS = OBSERVERS[0]!.map((_, unit) => OBSERVERS.map((o) => o[unit]).filter((v): v is number => v !== null));

/**
 * Fleiss (1971), "Measuring nominal scale agreement among many raters",
 * Table 1: 30 patients, each diagnosed by six psychiatrists into depression,
 * personality disorder, schizophrenia, neurosis or other. Published: κ = 0.430,
 * and per category (Table 2) 0.245, 0.245, 0.520, 0.471, 0.566.
 */
const FLEISS_1971 = [
  [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0], [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0],
  [2, 0, 0, 4, 0], [0, 0, 0, 0, 6], [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1], [0, 0, 5, 0, 1],
  [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3], [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0],
  [1, 0, 0, 4, 1], [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
];

/** The worked example of Fleiss' kappa in Wikipedia's article: 10 subjects, 14 raters, 5 categories; κ = 0.210. */
const FOURTEEN_RATERS = [
  [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
];

const unitsFromCounts = (counts: number[][]) => counts.map((row) => row.flatMap((n, category) => Array<number>(n).fill(category)));

describe('Krippendorff’s alpha on his own reliability data example', () => {
  it('nominal: 0.743', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_UNITS, 'nominal')!.toFixed(3)).toBe('0.743');
  });

  it('ordinal: 0.815', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_UNITS, 'ordinal')!.toFixed(3)).toBe('0.815');
  });

  it('a unit with one value is not pairable and changes nothing', () => {
    expect(krippendorffAlpha([...KRIPPENDORFF_UNITS, [4]], 'nominal')).toBe(krippendorffAlpha(KRIPPENDORFF_UNITS, 'nominal'));
  });

  it('is undefined, not perfect, when every value is the same', () => {
    expect(krippendorffAlpha([[1, 1], [1, 1, 1]], 'nominal')).toBeNull();
  });
});

describe('Fleiss’ kappa on Fleiss’ 1971 table', () => {
  it('overall: 0.430', () => {
    expect(fleissKappa(FLEISS_1971)!.toFixed(3)).toBe('0.430');
  });

  it('per category: 0.245, 0.245, 0.520, 0.471, 0.566', () => {
    expect(fleissCategoryKappas(FLEISS_1971).map((k) => k!.toFixed(3))).toEqual(['0.245', '0.245', '0.520', '0.471', '0.566']);
  });

  it('the same from the raters’ answers as from the counts', () => {
    expect(fleissKappa(countsFrom(unitsFromCounts(FLEISS_1971), 5))).toBeCloseTo(fleissKappa(FLEISS_1971)!, 12);
  });

  it('the fourteen-rater worked example: 0.210', () => {
    expect(fleissKappa(FOURTEEN_RATERS)!.toFixed(3)).toBe('0.210');
  });
});

describe('bootstrap intervals', () => {
  const units = unitsFromCounts(FLEISS_1971);
  const kappa = (u: readonly (readonly number[])[]) => fleissKappa(countsFrom(u, 5));

  it('the same seed gives the same interval; another seed another', () => {
    const a = bootstrapInterval(units, kappa, { seed: 'exercise-1' });
    expect(bootstrapInterval(units, kappa, { seed: 'exercise-1' })).toEqual(a);
    expect(bootstrapInterval(units, kappa, { seed: 'exercise-2' })).not.toEqual(a);
  });

  it('brackets the estimate, at about the width of the published standard error', () => {
    const interval = bootstrapInterval(units, kappa, { seed: 'fleiss-1971' })!;
    expect(interval.lower).toBeLessThan(0.43);
    expect(interval.upper).toBeGreaterThan(0.43);
    // Fleiss' large-sample SE under the null is 0.024 over all 180 ratings; resampling patients is coarser.
    expect(interval.upper - interval.lower).toBeGreaterThan(0.1);
    expect(interval.upper - interval.lower).toBeLessThan(0.4);
    expect(interval.resamples).toBe(1000);
  });

  it('agreementFigures reports the published values with their intervals', () => {
    const figures = agreementFigures(units, 5, { seed: 'fleiss-1971' });
    expect(figures).toMatchObject({ units: 30, answers: 180, fleissKappa: { value: 0.43 }, alphaOrdinal: null });
    const ordered = agreementFigures(KRIPPENDORFF_UNITS.map((u) => u.map((v) => v - 1)), 5, { seed: 'k', ranks: [0, 1, 2, 3, 4] });
    expect(ordered.alphaNominal.value).toBe(0.743);
    expect(ordered.alphaOrdinal!.value).toBe(0.815);
    expect(ordered.units).toBe(11);
  });
});
