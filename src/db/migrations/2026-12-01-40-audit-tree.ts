import { sql, type Kysely } from 'kysely';

/**
 * The audit trail becomes a verifiable log (RFC 9162 Merkle tree with signed
 * checkpoints). Writers now insert entries unsequenced (chain_index null)
 * with no shared row locked; the sequencer gives each its place afterwards.
 *
 * - seq: write order from a sequence (never blocks, never rolls back), for
 *   listing entries before they are placed; not an ordering guarantee.
 * - written_at: when the writing transaction started, to tell "not yet
 *   integrated" from "never integrated".
 * - The append-only trigger now lets exactly one change through: giving an
 *   unplaced entry its place, once. Everything else is still refused.
 * - audit_heads is no longer written: it stays as the end of the old hash
 *   chain, which the sequencer integrates first, as the tree's first leaves.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence audit_log_seq`.execute(db);
  await sql`alter table audit_log add column seq bigint, add column written_at timestamptz`.execute(db);
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  await sql`update audit_log set seq = n.s, written_at = n.at from (
      select id, nextval('audit_log_seq') as s, at from (select id, at from audit_log order by la, chain_index) o
    ) n where audit_log.id = n.id`.execute(db);
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  await sql`alter table audit_log
      alter column seq set default nextval('audit_log_seq'), alter column seq set not null,
      alter column written_at set default now(), alter column written_at set not null,
      alter column chain_index drop not null, alter column prev_hash drop not null`.execute(db);
  await sql`alter sequence audit_log_seq owned by audit_log.seq`.execute(db);
  await sql`create index audit_log_unplaced on audit_log (la, seq) where chain_index is null`.execute(db);
  await sql`create index audit_log_contact_seq on audit_log (contact_id, seq)`.execute(db);

  await sql`
    create function audit_log_place_once() returns trigger language plpgsql as $$
    begin
      if old.chain_index is null and new.chain_index is not null
         and (to_jsonb(new) - 'chain_index') = (to_jsonb(old) - 'chain_index') then
        return new;
      end if;
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`drop trigger audit_log_no_update on audit_log`.execute(db);
  await sql`create trigger audit_log_no_update before update on audit_log for each row execute function audit_log_place_once()`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log for each row execute function audit_log_refuse_change()`.execute(db);

  // Every perfect subtree of each authority's tree, leaves (level 0) included: proofs are read from here.
  await db.schema.createTable('audit_tree_nodes')
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('level', 'smallint', (c) => c.notNull())
    .addColumn('idx', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_tree_nodes_pk', ['la', 'level', 'idx'])
    .execute();

  await db.schema.createTable('audit_checkpoints')
    .addColumn('la', 'text', (c) => c.notNull())
    .addColumn('tree_size', 'bigint', (c) => c.notNull())
    .addColumn('root_hash', 'bytea', (c) => c.notNull())
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_checkpoints_pk', ['la', 'tree_size'])
    .execute();

  for (const table of ['audit_tree_nodes', 'audit_checkpoints']) {
    await sql`create trigger ${sql.raw(`${table}_no_update`)} before update or delete on ${sql.table(table)} for each row execute function audit_log_refuse_change()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)} for each statement execute function audit_log_refuse_change()`.execute(db);
    await sql`revoke update, delete, truncate on ${sql.table(table)} from public`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').ifExists().execute();
  await db.schema.dropTable('audit_tree_nodes').ifExists().execute();
  await sql`drop index if exists audit_log_contact_seq`.execute(db);
  await sql`drop index if exists audit_log_unplaced`.execute(db);
  await sql`drop trigger if exists audit_log_no_delete on audit_log`.execute(db);
  await sql`drop trigger if exists audit_log_no_update on audit_log`.execute(db);
  await sql`create trigger audit_log_no_update before update or delete on audit_log for each row execute function audit_log_refuse_change()`.execute(db);
  await sql`drop function if exists audit_log_place_once()`.execute(db);
  await sql`alter table audit_log drop column written_at, drop column seq`.execute(db);
}
