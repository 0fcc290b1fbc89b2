import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The explanation as sent to the family, kept with the decision it explains; never updated, a new one is a new row.
  await db.schema.createTable('family_explanations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('drafted_text', 'text', (c) => c.notNull())
    .addColumn('reading_ease', 'real', (c) => c.notNull())
    .addColumn('grade', 'real', (c) => c.notNull())
    .addColumn('reading_age', 'real', (c) => c.notNull())
    .addColumn('not_for_family', 'jsonb', (c) => c.notNull())
    .addColumn('referrer_named', 'boolean', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('family_explanations_contact').on('family_explanations').columns(['contact_id', 'sent_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('family_explanations').ifExists().execute();
}
