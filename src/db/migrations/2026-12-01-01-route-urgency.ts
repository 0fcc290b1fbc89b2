import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The suggested route and urgency, and the steps that reached them; null on triages made before the response table.
  await sql`alter table triages
    add column route text,
    add column urgency text,
    add column response jsonb`.execute(db);
  // The screener's own route and urgency, kept beside the triage's suggestion rather than written over it.
  await sql`alter table decisions
    add column route text,
    add column urgency text,
    add column route_change_reason text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table decisions drop column if exists route, drop column if exists urgency, drop column if exists route_change_reason`.execute(db);
  await sql`alter table triages drop column if exists route, drop column if exists urgency, drop column if exists response`.execute(db);
}
