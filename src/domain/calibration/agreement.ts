import type { CalibrationAnswerRow } from '../../db/schema.js';
import { agreementFigures } from '../../lib/agreement/figures.js';
import { ROUTE_RANK } from '../../rules/response/decide-response.js';
import { ROUTES, URGENCIES } from '../../schemas/codes.js';
import { OUTCOMES } from '../../schemas/decision.schema.js';

/**
 * What a calibration answer is measured on. Route is ordered by intensity
 * (s17, s20 and pre-birth assessment are one step, as the response table has
 * them), urgency by how soon; outcomes have no order ("other", "pass to the
 * allocated worker"), so they get no ordinal alpha.
 */
export const VARIABLES = {
  outcome: { codes: OUTCOMES as readonly string[], ranks: null },
  route: { codes: ROUTES as readonly string[], ranks: ROUTES.map((r) => ROUTE_RANK[r]) },
  urgency: { codes: URGENCIES as readonly string[], ranks: URGENCIES.map((_, i) => i) },
} as const;
export type Variable = keyof typeof VARIABLES;

/** Below these, the intervals are too wide to read much into: shown, and marked. */
export const SMALL_EXERCISE = { practiceContacts: 5, screeners: 3 };

/** Agreement on each variable among the screeners who answered, practice contact by practice contact. */
export function exerciseAgreement(practiceContactIds: readonly string[], answers: readonly CalibrationAnswerRow[], seed: string) {
  const figures = (variable: Variable) => {
    const { codes, ranks } = VARIABLES[variable];
    const units = practiceContactIds.map((id) => answers.filter((a) => a.practice_contact_id === id).map((a) => codes.indexOf(a[variable])));
    return agreementFigures(units, codes.length, { seed: `${seed}:${variable}`, ...(ranks ? { ranks } : {}) });
  };
  return { outcome: figures('outcome'), route: figures('route'), urgency: figures('urgency') };
}

/** How the answers to one practice contact spread: counts, the modal answer, and whether anyone differed. */
export function spreadOf(values: readonly string[]) {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  const top = Math.max(0, ...Object.values(counts));
  return {
    counts,
    modal: Object.keys(counts).filter((k) => counts[k] === top).sort(),
    agreement: values.length === 0 ? null : Math.round((top / values.length) * 1000) / 1000,
    diverged: Object.keys(counts).length > 1,
  };
}

export function isSmallExercise(practiceContacts: number, screeners: number): boolean {
  return practiceContacts < SMALL_EXERCISE.practiceContacts || screeners < SMALL_EXERCISE.screeners;
}
