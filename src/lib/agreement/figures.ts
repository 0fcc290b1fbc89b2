// biome-ignore-all lint/style/noNonNullAssertion: matrix arithmetic; every index runs over arrays built to that length just above, which noUncheckedIndexedAccess cannot see
import { bootstrapInterval, type Interval } from './bootstrap.js';
import { countsFrom, fleissKappa } from './fleiss.js';
import { krippendorffAlpha } from './krippendorff.js';

export interface Estimate { value: number | null; interval: Interval | null }

export interface AgreementFigures {
  /** Units with at least two answers: the only ones that say anything about agreement. */
  units: number;
  answers: number;
  /** Of pairs of answers on the same unit, the share that are the same. */
  pairwiseAgreement: number | null;
  alphaNominal: Estimate;
  /** Null where the answers have no order. */
  alphaOrdinal: Estimate | null;
  fleissKappa: Estimate;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

function estimate(units: readonly (readonly number[])[], statistic: (u: readonly (readonly number[])[]) => number | null, seed: string, resamples: number): Estimate {
  const interval = bootstrapInterval(units, statistic, { seed, resamples });
  return {
    value: round(statistic(units)),
    interval: interval && { ...interval, lower: round(interval.lower)!, upper: round(interval.upper)! },
  };
}

function pairwise(units: readonly (readonly number[])[]): number | null {
  let same = 0;
  let pairs = 0;
  for (const unit of units) {
    for (let i = 0; i < unit.length; i++) for (let j = i + 1; j < unit.length; j++) { pairs++; if (unit[i] === unit[j]) same++; }
  }
  return pairs === 0 ? null : same / pairs;
}

/**
 * Agreement among raters over units, each unit being the category indices
 * its raters chose; `ranks` (when the categories are ordered) maps each
 * category to its rank for the ordinal alpha. Each figure comes with a 95%
 * bootstrap interval over units, seeded per figure so it can be reproduced.
 */
export function agreementFigures(
  given: readonly (readonly number[])[],
  categories: number,
  options: { seed: string; ranks?: readonly number[]; resamples?: number },
): AgreementFigures {
  const units = given.filter((u) => u.length >= 2);
  const resamples = options.resamples ?? 1000;
  const ranks = options.ranks;
  return {
    units: units.length,
    answers: units.reduce((n, u) => n + u.length, 0),
    pairwiseAgreement: round(pairwise(units)),
    alphaNominal: estimate(units, (u) => krippendorffAlpha(u, 'nominal'), `${options.seed}:alpha-nominal`, resamples),
    alphaOrdinal: ranks ? estimate(units.map((u) => u.map((v) => ranks[v]!)), (u) => krippendorffAlpha(u, 'ordinal'), `${options.seed}:alpha-ordinal`, resamples) : null,
    fleissKappa: estimate(units, (u) => fleissKappa(countsFrom(u, categories)), `${options.seed}:fleiss-kappa`, resamples),
  };
}
