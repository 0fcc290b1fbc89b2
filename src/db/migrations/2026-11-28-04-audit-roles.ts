import { sql, type Kysely } from 'kysely';

/**
 * Belt and braces beside the append-only triggers: nobody but the owner may
 * change or remove audit entries. A table's owner keeps every right and can
 * disable triggers, so production should run the app as a role that does not
 * own the tables (grant it select and insert on audit_log, select, insert and
 * update on audit_heads) and keep the owning role for migrations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`revoke update, delete, truncate on audit_log from public`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to restore: PUBLIC never held these rights by default.
}
