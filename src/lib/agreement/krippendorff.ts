// biome-ignore-all lint/style/noNonNullAssertion: matrix arithmetic; every index runs over arrays built to that length just above, which noUncheckedIndexedAccess cannot see
/**
 * Krippendorff's alpha over units of coded values, with missing values
 * allowed: each unit is the list of values its coders gave (a coder who did
 * not code it is simply absent). Values are category ranks: their order is
 * used by the ordinal metric, ignored by the nominal one. Computed through
 * the coincidence matrix as in Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability" (2011).
 */
export type Metric = 'nominal' | 'ordinal';

export function krippendorffAlpha(units: readonly (readonly number[])[], metric: Metric): number | null {
  const pairable = units.filter((u) => u.length >= 2);
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  if (values.length === 0) return null;
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of pairable) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i !== j) coincidences[index.get(unit[i]!)!]![index.get(unit[j]!)!]! += weight;
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((a, b) => a + b, 0));
  const n = marginals.reduce((a, b) => a + b, 0);
  const delta = metric === 'nominal' ? nominal : ordinal(marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta(c, k);
      observed += coincidences[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  // No variation in the values at all: agreement is not measurable, not perfect.
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

const nominal = (c: number, k: number) => (c === k ? 0 : 1);

/** The ordinal metric: the squared count of values lying between two ranks, halving the two ends. */
function ordinal(marginals: readonly number[]) {
  return (c: number, k: number) => {
    if (c === k) return 0;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let between = 0;
    for (let g = lo; g <= hi; g++) between += marginals[g]!;
    const d = between - (marginals[lo]! + marginals[hi]!) / 2;
    return d * d;
  };
}
