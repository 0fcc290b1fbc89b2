import type { CalibrationAnswerRow, CalibrationExerciseRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { oneOf } from '../../lib/one-of.js';
import { ROUTES, URGENCIES } from '../../schemas/codes.js';
import { OUTCOMES } from '../../schemas/decision.schema.js';

export function exerciseSummary(row: CalibrationExerciseRow, items: number, answered: number) {
  return {
    id: row.id, teamId: row.team_id, title: row.title, status: row.status, showTriage: row.show_triage,
    createdBy: row.created_by, createdAt: iso(row.created_at), closedAt: iso(row.closed_at), items, answered,
  };
}

export function answerView(row: CalibrationAnswerRow) {
  return { outcome: oneOf(OUTCOMES, row.outcome), route: oneOf(ROUTES, row.route), urgency: oneOf(URGENCIES, row.urgency), rationale: row.rationale, answeredAt: iso(row.answered_at) };
}
