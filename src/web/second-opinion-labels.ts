import { ROUTES, URGENCIES } from '../schemas/codes.js';
import { OUTCOME_OPTIONS } from './decisions/decision-form.js';

export { OUTCOME_OPTIONS };

const ROUTE_LABELS: Record<(typeof ROUTES)[number], string> = {
  advice_signpost: 'Advice or signposting (no statutory action)', early_help: 'Early help', s17_assessment: 'Child and family assessment (s17)',
  s20_accommodation: 'Accommodation (s20)', pre_birth_assessment: 'Pre-birth assessment', s47_strategy: 'Strategy discussion (s47)',
  immediate_protection: 'Immediate protection',
};
const URGENCY_LABELS: Record<(typeof URGENCIES)[number], string> = {
  within_hours: 'Within hours', same_day: 'The same day', one_working_day: 'Within one working day',
  three_working_days: 'Within three working days', none: 'No timescale',
};

export const ROUTE_OPTIONS: [string, string][] = ROUTES.map((r) => [r, ROUTE_LABELS[r]]);
export const URGENCY_OPTIONS: [string, string][] = URGENCIES.map((u) => [u, URGENCY_LABELS[u]]);

const ALL: Record<string, string> = Object.fromEntries([...OUTCOME_OPTIONS, ...ROUTE_OPTIONS, ...URGENCY_OPTIONS]);
/** A code by its name, as screeners know it. */
export const labelOf = (code: string | null | undefined) => (code ? ALL[code] ?? code.replace(/_/g, ' ') : '—');

/** A share as a whole percentage, with its count, or a dash. */
export const percent = (cell: { count: number; total: number; share: number | null }) =>
  cell.share === null ? '—' : `${Math.round(cell.share * 100)}% (${cell.count} of ${cell.total})`;

/** An agreement figure to three places with its interval. */
export const estimate = (e: { value: number | null; interval: { lower: number; upper: number } | null } | null) =>
  !e || e.value === null ? 'not measurable' : `${e.value.toFixed(3)}${e.interval ? ` (95% CI ${e.interval.lower.toFixed(3)} to ${e.interval.upper.toFixed(3)})` : ''}`;
