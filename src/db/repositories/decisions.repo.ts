import type { Database } from '../client.js';
import type { DecisionRow, NewReviewRow, ReviewRow } from '../schema.js';

export type DecisionRecord = Omit<DecisionRow, 'prompt_responses' | 'departures'> & { prompt_responses: unknown[]; departures: unknown[] };

export async function insertDecision(db: Database, row: DecisionRecord): Promise<void> {
  await db.insertInto('decisions').values({
    ...row,
    prompt_responses: JSON.stringify(row.prompt_responses),
    departures: JSON.stringify(row.departures),
  }).execute();
}

export async function listDecisions(db: Database, contactId: string): Promise<DecisionRow[]> {
  return db.selectFrom('decisions').selectAll().where('contact_id', '=', contactId).orderBy('sequence').execute();
}

export async function findLatestDecision(db: Database, contactId: string): Promise<DecisionRow | undefined> {
  return db.selectFrom('decisions').selectAll().where('contact_id', '=', contactId)
    .orderBy('sequence', 'desc').limit(1).executeTakeFirst();
}

export async function insertReview(db: Database, row: NewReviewRow): Promise<void> {
  await db.insertInto('reviews').values(row).execute();
}

export async function listReviews(db: Database, contactId: string): Promise<ReviewRow[]> {
  return db.selectFrom('reviews').selectAll().where('contact_id', '=', contactId).orderBy('reviewed_at').orderBy('id').execute();
}

export type PendingReviewRow = DecisionRow & {
  priority: string; score: number; received_at: Date; contact_version: number;
  /** What the triage the decision answered suggested. */
  suggested_route: string | null; suggested_urgency: string | null;
};

/** Contacts of one authority awaiting review, each with the decision under review, oldest due first. */
export async function listPendingReviews(db: Database, la: string): Promise<PendingReviewRow[]> {
  return db.selectFrom('contacts as c')
    .innerJoin('decisions as d', 'd.contact_id', 'c.id')
    .innerJoin('triages as t', 't.id', 'd.triage_id')
    .selectAll('d')
    .select(['c.priority', 'c.score', 'c.received_at', 'c.version as contact_version', 't.route as suggested_route', 't.urgency as suggested_urgency'])
    .where('c.la', '=', la).where('c.status', '=', 'awaiting_review')
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('decisions as later').select('later.id')
        .whereRef('later.contact_id', '=', 'd.contact_id').whereRef('later.sequence', '>', 'd.sequence'),
    )))
    .orderBy('d.review_due_by').orderBy('d.decided_at').orderBy('c.id')
    .execute();
}
