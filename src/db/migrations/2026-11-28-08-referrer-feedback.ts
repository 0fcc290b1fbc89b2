import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('referrer_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('review_id', 'text', (c) => c.references('reviews.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('referrer_source', 'text', (c) => c.notNull())
    .addColumn('referrer_group', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('superseded_by', 'text')
    .addColumn('superseded_at', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('sent_via', 'text')
    .addColumn('sent_by', 'text')
    .addColumn('sent_recorded_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('referrer_feedback_la_status').on('referrer_feedback').columns(['la', 'status', 'created_at']).execute();
  // A referrer is told one thing at a time: a contact has at most one feedback still to send.
  await sql`create unique index referrer_feedback_one_unsent on referrer_feedback (contact_id) where status = 'unsent'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('referrer_feedback').ifExists().execute();
}
