import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('partner_la', 'text')
    .addColumn('dispatch', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('asks', 'jsonb', (c) => c.notNull())
    .addColumn('people', 'jsonb', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('dispatched_at', 'timestamptz')
    .addColumn('partner_reference', 'text')
    .addColumn('overdue_at', 'timestamptz')
    .addColumn('chased_at', 'timestamptz')
    .addColumn('chase_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('response', 'jsonb')
    .addColumn('responded_at', 'timestamptz')
    .addColumn('response_recorded_at', 'timestamptz')
    .addColumn('response_recorded_by', 'text')
    .addColumn('response_channel', 'text')
    .addColumn('retriage_id', 'text')
    .addUniqueConstraint('checks_contact_partner', ['contact_id', 'partner'])
    .execute();
  await db.schema.createIndex('checks_la_status_due').on('checks').columns(['la', 'status', 'due_at']).execute();
  // The dispatcher's queue: only checks still to be sent are indexed.
  await sql`create index checks_to_send on checks (next_attempt_at) where status in ('awaiting_dispatch', 'dispatch_failed')`.execute(db);

  await db.schema.createTable('transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().unique().references('contacts.id'))
    .addColumn('from_la', 'text')
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('moved_in_on', 'date')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('aware_at', 'timestamptz', (c) => c.notNull())
    .addColumn('previous_authority_notified', 'boolean')
    .addColumn('previous_authority_notified_at', 'timestamptz')
    .addColumn('acknowledgement_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('conference_due_at', 'timestamptz')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_by_la', 'text')
    .addColumn('acknowledgement_channel', 'text')
    .addColumn('handover_discussion', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transfers_la_status_due').on('transfers').columns(['la', 'status', 'acknowledgement_due_at']).execute();
  await db.schema.createIndex('transfers_from_la').on('transfers').columns(['from_la', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('transfers').ifExists().execute();
  await db.schema.dropTable('checks').ifExists().execute();
}
