import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The information-sharing ledger: one row per check sent and per disclosure made to a partner, with its lawful basis
  // and consent position. A check row is written before the check may leave; nothing here is ever updated.
  await db.schema.createTable('information_sharing')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('check', 'disclosure')`))
    .addColumn('check_id', 'text', (c) => c.unique().references('checks.id'))
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('shared', 'text')
    .addColumn('lawful_basis', 'text', (c) => c.notNull())
    .addColumn('special_category_condition', 'text')
    .addColumn('consent', 'text', (c) => c.notNull().check(sql`consent in ('given', 'refused', 'not_sought')`))
    .addColumn('without_consent_reason', 'text')
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('information_sharing_reason', sql`(consent = 'given') = (without_consent_reason is null)`)
    .addCheckConstraint('information_sharing_check', sql`(kind = 'check') = (check_id is not null)`)
    .execute();
  await db.schema.createIndex('information_sharing_contact').on('information_sharing').columns(['contact_id', 'recorded_at']).execute();
  await db.schema.createIndex('information_sharing_la_decided').on('information_sharing').columns(['la', 'decided_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('information_sharing').ifExists().execute();
}
