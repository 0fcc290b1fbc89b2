import type { Selectable } from 'kysely';
import type { Database } from '../client.js';
import type { WebSessionsTable } from '../schema.js';

export type WebSessionRow = Selectable<WebSessionsTable>;

export async function insertWebSession(db: Database, row: { idHash: string; sub: string; role: string; la: string; csrf: string; at: Date }): Promise<void> {
  await db.insertInto('web_sessions').values({
    id_hash: row.idHash, sub: row.sub, role: row.role, la: row.la, csrf: row.csrf, created_at: row.at, seen_at: row.at,
  }).execute();
}

export async function findWebSession(db: Database, idHash: string): Promise<WebSessionRow | undefined> {
  return db.selectFrom('web_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchWebSession(db: Database, idHash: string, at: Date): Promise<void> {
  await db.updateTable('web_sessions').set({ seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteWebSession(db: Database, idHash: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteStaleWebSessions(db: Database, idleBefore: Date, createdBefore: Date): Promise<void> {
  await db.deleteFrom('web_sessions').where((eb) => eb.or([eb('seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)])).execute();
}

/** Deletes a session and says whose it was, so signing out can be audited in the same transaction. */
export async function takeWebSession(db: Database, idHash: string): Promise<WebSessionRow | undefined> {
  return db.deleteFrom('web_sessions').where('id_hash', '=', idHash).returningAll().executeTakeFirst();
}

/** A person's sessions in their authority, oldest first. */
export async function listWebSessionsOf(db: Database, la: string, sub: string): Promise<WebSessionRow[]> {
  return db.selectFrom('web_sessions').selectAll().where('la', '=', la).where('sub', '=', sub).orderBy('created_at').execute();
}

export async function deleteWebSessions(db: Database, idHashes: readonly string[]): Promise<number> {
  if (idHashes.length === 0) return 0;
  const result = await db.deleteFrom('web_sessions').where('id_hash', 'in', idHashes).executeTakeFirst();
  return Number(result.numDeletedRows);
}
