import type { Question } from './messages.js';

/** The from-to period of the oversight and screening-outcome pages. */
export const PERIOD: Record<string, Question> = {
  from: { what: 'the first day of the period', kind: 'date', example: '2026-11-01' },
  to: { what: 'the last day of the period', kind: 'date', example: '2026-11-30' },
};
