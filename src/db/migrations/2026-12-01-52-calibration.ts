import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Practice contacts live apart from real ones: no query of contacts, checks, feedback, samples or oversight can meet them.
  await db.schema.createTable('practice_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('expected', 'jsonb')
    .addColumn('triage', 'jsonb', (c) => c.notNull())
    .addColumn('rule_set_hash', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('practice_contacts_reference', ['la', 'reference'])
    .execute();
  await db.schema.createTable('calibration_exercises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('show_triage', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('calibration_exercises_team').on('calibration_exercises').columns(['la', 'team_id', 'created_at']).execute();
  await db.schema.createTable('calibration_items')
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('calibration_exercises.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('practice_contact_id', 'text', (c) => c.notNull().references('practice_contacts.id'))
    .addPrimaryKeyConstraint('calibration_items_pk', ['exercise_id', 'position'])
    .addUniqueConstraint('calibration_items_once', ['exercise_id', 'practice_contact_id'])
    .execute();
  // One answer per screener per practice contact per exercise: a second try would be a different exercise.
  await db.schema.createTable('calibration_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('calibration_exercises.id'))
    .addColumn('practice_contact_id', 'text', (c) => c.notNull().references('practice_contacts.id'))
    .addColumn('screener', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text')
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('calibration_answers_once', ['exercise_id', 'practice_contact_id', 'screener'])
    .execute();
  await db.schema.createIndex('calibration_answers_screener').on('calibration_answers').columns(['la', 'screener', 'answered_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['calibration_answers', 'calibration_items', 'calibration_exercises', 'practice_contacts']) await db.schema.dropTable(table).ifExists().execute();
}
