import type { Database } from '../client.js';
import type { NewSharingRow, SharingRow } from '../schema.js';

export async function insertSharing(db: Database, row: NewSharingRow): Promise<void> {
  await db.insertInto('information_sharing').values(row).execute();
}

export async function findSharingForCheck(db: Database, checkId: string): Promise<SharingRow | undefined> {
  return db.selectFrom('information_sharing').selectAll().where('check_id', '=', checkId).executeTakeFirst();
}

export async function listSharingForChecks(db: Database, checkIds: readonly string[]): Promise<Map<string, SharingRow>> {
  if (checkIds.length === 0) return new Map();
  const rows = await db.selectFrom('information_sharing').selectAll().where('check_id', 'in', [...checkIds]).execute();
  // Rows found by check id always carry one.
  return new Map(rows.flatMap((r) => (r.check_id === null ? [] : [[r.check_id, r] as const])));
}

export async function listSharingForContact(db: Database, la: string, contactId: string): Promise<SharingRow[]> {
  return db.selectFrom('information_sharing').selectAll().where('la', '=', la).where('contact_id', '=', contactId)
    .orderBy('recorded_at').orderBy('id').execute();
}

export async function listSharingForContacts(db: Database, la: string, contactIds: readonly string[]): Promise<SharingRow[]> {
  if (contactIds.length === 0) return [];
  return db.selectFrom('information_sharing').selectAll().where('la', '=', la).where('contact_id', 'in', [...contactIds])
    .orderBy('recorded_at').orderBy('id').execute();
}

/** Check decisions of an authority taken in [from, to), for the oversight summary. */
export async function listPeriodCheckSharing(db: Database, la: string, from: Date, to: Date): Promise<Pick<SharingRow, 'partner' | 'consent' | 'without_consent_reason'>[]> {
  return db.selectFrom('information_sharing').select(['partner', 'consent', 'without_consent_reason'])
    .where('la', '=', la).where('kind', '=', 'check').where('decided_at', '>=', from).where('decided_at', '<', to).execute();
}
