import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per draw: the seed and the settings it was made with, so anyone can redo it and get the same selection.
  await db.schema.createTable('second_screen_draws')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('drawn_by', 'text', (c) => c.notNull())
    .addColumn('drawn_at', 'timestamptz', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('settings_hash', 'text', (c) => c.notNull())
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('considered', 'integer', (c) => c.notNull())
    .addColumn('selected', 'integer', (c) => c.notNull())
    .execute();
  // Every decision that stood is considered once, selected or not: a later draw cannot give it a second chance.
  await db.schema.createTable('second_screen_considerations')
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('draw_id', 'text', (c) => c.notNull().references('second_screen_draws.id'))
    .addColumn('draw_value', 'double precision', (c) => c.notNull())
    .addColumn('selected', 'boolean', (c) => c.notNull())
    .addColumn('criterion', 'text')
    .addPrimaryKeyConstraint('second_screen_considerations_pk', ['contact_id', 'decision_id'])
    .execute();
  await db.schema.createTable('second_screens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('draw_id', 'text', (c) => c.notNull().references('second_screen_draws.id'))
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('first_outcome', 'text', (c) => c.notNull())
    .addColumn('first_decided_by', 'text', (c) => c.notNull())
    .addColumn('selected_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('screener', 'text')
    .addColumn('outcome', 'text')
    .addColumn('route', 'text')
    .addColumn('urgency', 'text')
    .addColumn('rationale', 'text')
    .addColumn('screened_at', 'timestamptz')
    .addColumn('agrees', 'boolean')
    .addColumn('settled_by', 'text')
    .addColumn('settled_at', 'timestamptz')
    .addColumn('standing', 'text')
    .addColumn('settled_outcome', 'text')
    .addColumn('settlement_rationale', 'text')
    .addColumn('reopened', 'boolean')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('second_screens_decision', ['contact_id', 'decision_id'])
    .execute();
  await sql`create index second_screens_status on second_screens (la, status, selected_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['second_screens', 'second_screen_considerations', 'second_screen_draws']) await db.schema.dropTable(table).ifExists().execute();
}
