import type { Database } from '../client.js';

export async function insertOidcSignIn(db: Database, row: { stateHash: string; nonce: string; codeVerifier: string; at: Date }): Promise<void> {
  await db.insertInto('oidc_sign_ins').values({ state_hash: row.stateHash, nonce: row.nonce, code_verifier: row.codeVerifier, created_at: row.at }).execute();
}

/** Reads and deletes in one statement: of two callbacks with the same state, on any instances, only one gets the row. */
export async function takeOidcSignIn(db: Database, stateHash: string, startedAfter: Date): Promise<{ nonce: string; codeVerifier: string } | undefined> {
  const row = await db.deleteFrom('oidc_sign_ins').where('state_hash', '=', stateHash).returning(['nonce', 'code_verifier', 'created_at']).executeTakeFirst();
  if (!row || new Date(row.created_at) < startedAfter) return undefined;
  return { nonce: row.nonce, codeVerifier: row.code_verifier };
}

export async function deleteStaleOidcSignIns(db: Database, startedBefore: Date): Promise<void> {
  await db.deleteFrom('oidc_sign_ins').where('created_at', '<', startedBefore).execute();
}
