import type { Database } from '../client.js';
import type { CalibrationAnswerRow, CalibrationExerciseRow, PracticeContactRow } from '../schema.js';

export async function insertExercise(db: Database, row: Omit<CalibrationExerciseRow, 'closed_by' | 'closed_at'>, practiceContactIds: readonly string[]): Promise<void> {
  await db.insertInto('calibration_exercises').values(row).execute();
  await db.insertInto('calibration_items')
    .values(practiceContactIds.map((id, position) => ({ exercise_id: row.id, position, practice_contact_id: id }))).execute();
}

export async function findExercise(db: Database, la: string, id: string): Promise<CalibrationExerciseRow | undefined> {
  return db.selectFrom('calibration_exercises').selectAll().where('la', '=', la).where('id', '=', id).executeTakeFirst();
}

export async function findExerciseForUpdate(db: Database, la: string, id: string): Promise<CalibrationExerciseRow | undefined> {
  return db.selectFrom('calibration_exercises').selectAll().where('la', '=', la).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function closeExercise(db: Database, id: string, by: string, at: Date): Promise<boolean> {
  const row = await db.updateTable('calibration_exercises').set({ status: 'closed', closed_by: by, closed_at: at })
    .where('id', '=', id).where('status', '=', 'open').returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function listExercisesOfTeams(db: Database, la: string, teamIds: readonly string[], status?: 'open' | 'closed'): Promise<CalibrationExerciseRow[]> {
  if (teamIds.length === 0) return [];
  let q = db.selectFrom('calibration_exercises').selectAll().where('la', '=', la).where('team_id', 'in', teamIds);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at').orderBy('id').execute();
}

export type ItemRow = PracticeContactRow & { position: number };

export async function listItems(db: Database, exerciseId: string): Promise<ItemRow[]> {
  return db.selectFrom('calibration_items as i').innerJoin('practice_contacts as p', 'p.id', 'i.practice_contact_id')
    .selectAll('p').select('i.position').where('i.exercise_id', '=', exerciseId).orderBy('i.position').execute();
}

export async function countItems(db: Database, exerciseIds: readonly string[]): Promise<Map<string, number>> {
  if (exerciseIds.length === 0) return new Map();
  const rows = await db.selectFrom('calibration_items').select(['exercise_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('exercise_id', 'in', exerciseIds).groupBy('exercise_id').execute();
  return new Map(rows.map((r) => [r.exercise_id, Number(r.n)]));
}

export async function insertAnswer(db: Database, row: CalibrationAnswerRow): Promise<void> {
  await db.insertInto('calibration_answers').values(row).execute();
}

export async function findAnswer(db: Database, exerciseId: string, practiceContactId: string, screener: string) {
  return db.selectFrom('calibration_answers').selectAll()
    .where('exercise_id', '=', exerciseId).where('practice_contact_id', '=', practiceContactId).where('screener', '=', screener).executeTakeFirst();
}

/** Answers to the exercises given; only one screener's when `screener` is given. */
export async function listAnswers(db: Database, exerciseIds: readonly string[], screener?: string): Promise<CalibrationAnswerRow[]> {
  if (exerciseIds.length === 0) return [];
  let q = db.selectFrom('calibration_answers').selectAll().where('exercise_id', 'in', exerciseIds);
  if (screener) q = q.where('screener', '=', screener);
  return q.orderBy('answered_at').orderBy('id').execute();
}
