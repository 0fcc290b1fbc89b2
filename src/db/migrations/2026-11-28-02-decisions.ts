import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per decision, never overwritten: a returned decision stays beside the one that replaced it.
  await db.schema.createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('triage_id', 'text', (c) => c.notNull().references('triages.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('prompt_responses', 'jsonb', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('child_seen', 'boolean', (c) => c.notNull())
    .addColumn('child_spoken_to', 'boolean', (c) => c.notNull())
    .addColumn('departures', 'jsonb', (c) => c.notNull())
    .addColumn('review_due_by', 'timestamptz')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('decisions_sequence', ['contact_id', 'sequence'])
    .execute();
  // The manager's queue: decisions waiting for review in one authority, oldest due first.
  await sql`create index decisions_review_due on decisions (la, review_due_by) where review_due_by is not null`.execute(db);

  // The manager's word, kept apart from the screener's; one review per decision, enforced here too.
  await db.schema.createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.notNull().unique().references('decisions.id'))
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reviews_contact').on('reviews').columns(['contact_id', 'reviewed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reviews').ifExists().execute();
  await db.schema.dropTable('decisions').ifExists().execute();
}
