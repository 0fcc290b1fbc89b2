import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // A sign-in sent to the identity provider and not yet back: its PKCE verifier and nonce, keyed by the
  // SHA-256 of its state. The callback deletes the row as it reads it, so a replayed callback (the same
  // state twice, on any instance) finds nothing and is refused before the code is spent.
  await db.schema.createTable('oidc_sign_ins')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oidc_sign_ins').execute();
}
