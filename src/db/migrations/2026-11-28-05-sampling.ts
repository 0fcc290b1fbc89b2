import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // A random key drawn once, at insert: a seeded audit sample is the run of closed contacts that follows the seed's point.
  await sql`alter table contacts add column sample_key double precision not null default random()`.execute(db);
  // Carries the sample's filters, so the walk along the key reads the index alone until it has enough rows.
  await sql`create index contacts_closed_sample on contacts (la, sample_key) include (closed_at, priority, id) where status = 'closed'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists contacts_closed_sample`.execute(db);
  await sql`alter table contacts drop column if exists sample_key`.execute(db);
}
