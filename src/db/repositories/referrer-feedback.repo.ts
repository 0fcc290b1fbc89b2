import type { Database } from '../client.js';
import type { NewReferrerFeedbackRow, ReferrerFeedbackRow } from '../schema.js';

export const FEEDBACK_STATUSES = ['unsent', 'sent', 'superseded'] as const;

export async function insertReferrerFeedback(db: Database, row: NewReferrerFeedbackRow): Promise<void> {
  await db.insertInto('referrer_feedback').values(row).execute();
}

/** The contact's feedback still to send, locked: a later decision replaces it. */
export async function findUnsentFeedbackForUpdate(db: Database, contactId: string): Promise<ReferrerFeedbackRow | undefined> {
  return db.selectFrom('referrer_feedback').selectAll().where('contact_id', '=', contactId).where('status', '=', 'unsent')
    .forUpdate().executeTakeFirst();
}

export async function markFeedbackSuperseded(db: Database, id: string, by: string, at: Date): Promise<void> {
  await db.updateTable('referrer_feedback').set({ status: 'superseded', superseded_by: by, superseded_at: at })
    .where('id', '=', id).where('status', '=', 'unsent').execute();
}

export async function findFeedbackForUpdate(db: Database, la: string, id: string): Promise<ReferrerFeedbackRow | undefined> {
  return db.selectFrom('referrer_feedback').selectAll().where('id', '=', id).where('la', '=', la).forUpdate().executeTakeFirst();
}

export interface SentRecord { sent_at: Date; sent_via: string; sent_by: string; sent_recorded_at: Date }

/** Marks feedback sent once; undefined when it was no longer unsent. */
export async function markFeedbackSent(db: Database, id: string, sent: SentRecord): Promise<ReferrerFeedbackRow | undefined> {
  return db.updateTable('referrer_feedback').set({ status: 'sent', ...sent })
    .where('id', '=', id).where('status', '=', 'unsent').returningAll().executeTakeFirst();
}

export interface FeedbackFilter { status: 'unsent' | 'sent' | 'all'; contactId?: string | undefined; limit: number }

/** Oldest first: the feedback waiting longest is sent first. */
export async function listReferrerFeedback(db: Database, la: string, filter: FeedbackFilter): Promise<ReferrerFeedbackRow[]> {
  let q = db.selectFrom('referrer_feedback').selectAll().where('la', '=', la);
  if (filter.status !== 'all') q = q.where('status', '=', filter.status);
  if (filter.contactId) q = q.where('contact_id', '=', filter.contactId);
  return q.orderBy('created_at').orderBy('id').limit(filter.limit).execute();
}

export async function countChildren(db: Database, contactId: string): Promise<number> {
  const row = await db.selectFrom('contact_children').select((eb) => eb.fn.countAll().as('n')).where('contact_id', '=', contactId).executeTakeFirstOrThrow();
  return Number(row.n);
}
