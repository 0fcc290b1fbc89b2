// biome-ignore-all lint/style/noNonNullAssertion: matrix arithmetic; every index runs over arrays built to that length just above, which noUncheckedIndexedAccess cannot see
import { seededRandom } from './seeded-random.js';

export interface Interval { lower: number; upper: number; level: number; resamples: number; seed: string }

/**
 * A percentile bootstrap interval for a statistic of units: the units are
 * resampled with replacement `resamples` times from a seeded stream, so the
 * same data and seed give the same interval. Resamples on which the
 * statistic is undefined (no variation left) are left out and counted.
 */
export function bootstrapInterval<U>(
  units: readonly U[],
  statistic: (units: readonly U[]) => number | null,
  options: { seed: string; resamples?: number; level?: number },
): Interval | null {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  if (units.length < 2) return null;
  const random = seededRandom(options.seed);
  const estimates: number[] = [];
  const drawn: U[] = new Array(units.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < units.length; i++) drawn[i] = units[Math.floor(random() * units.length)]!;
    const value = statistic(drawn);
    if (value !== null && Number.isFinite(value)) estimates.push(value);
  }
  if (estimates.length < resamples / 2) return null;
  estimates.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { lower: quantile(estimates, tail), upper: quantile(estimates, 1 - tail), level, resamples: estimates.length, seed: options.seed };
}

/** The type 7 quantile (linear between order statistics), as R and NumPy give by default. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
