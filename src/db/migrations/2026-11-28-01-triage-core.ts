import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decision_due_by', 'timestamptz', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('referrer_source', 'text', (c) => c.notNull())
    .addColumn('referrer_group', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('immediate_danger', 'boolean')
    .addColumn('youngest_age_days', 'integer')
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('contacts_la_status_due').on('contacts').columns(['la', 'status', 'decision_due_by']).execute();
  await db.schema.createIndex('contacts_la_received').on('contacts').columns(['la', 'received_at']).execute();

  await db.schema.createTable('contact_children')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('nhs_number', 'text')
    .addColumn('date_of_birth', 'date')
    .addColumn('expected_date_of_birth', 'date')
    .addColumn('age_days', 'integer')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ethnicity', 'text')
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('contact_children_position', ['contact_id', 'position'])
    .execute();
  // The history lookup: a child's earlier contacts in the same authority, newest first.
  await sql`create index contact_children_person on contact_children (la, person_id, received_at desc) where person_id is not null`.execute(db);
  await sql`create index contact_children_nhs on contact_children (la, nhs_number, received_at desc) where nhs_number is not null`.execute(db);

  await db.schema.createTable('contact_adults')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('role', 'text')
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('contact_adults_position', ['contact_id', 'position'])
    .execute();

  await db.schema.createTable('rule_sets')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('first_used_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema.createTable('triages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('rule_set_hash', 'text', (c) => c.notNull().references('rule_sets.hash'))
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('facts', 'jsonb', (c) => c.notNull())
    .addColumn('results', 'jsonb', (c) => c.notNull())
    .addColumn('prompts', 'jsonb', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('history_complete', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('triages_sequence', ['contact_id', 'sequence'])
    .execute();

  await db.schema.createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('chain_index', 'bigint', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_sub', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('hash_alg', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_log_chain', ['la', 'chain_index'])
    .execute();
  await db.schema.createIndex('audit_log_contact').on('audit_log').columns(['contact_id', 'chain_index']).execute();

  // The head of each authority's chain: one row locked per append, so appends in one authority queue up.
  await db.schema.createTable('audit_heads')
    .addColumn('la', 'text', (c) => c.primaryKey())
    .addColumn('chain_index', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  // Append-only: the database itself refuses to change or remove an audit entry.
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger audit_log_no_update before update or delete on audit_log for each row execute function audit_log_refuse_change()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_refuse_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
  await sql`drop trigger if exists audit_log_no_update on audit_log`.execute(db);
  await sql`drop function if exists audit_log_refuse_change()`.execute(db);
  for (const table of ['audit_heads', 'audit_log', 'triages', 'rule_sets', 'contact_adults', 'contact_children', 'contacts']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
