import type { Database } from '../client.js';
import type { NewTriageRow, TriageRow } from '../schema.js';

export type TriageRecord = Omit<NewTriageRow, 'settings' | 'facts' | 'results' | 'prompts' | 'route' | 'urgency' | 'response'> & {
  settings: Record<string, unknown>;
  facts: Record<string, unknown>;
  results: unknown[];
  prompts: unknown[];
  route: string | null;
  urgency: string | null;
  /** The response steps; null for a triage made without a response table. */
  response: unknown[] | null;
};

/** The insert of a triage, for writeTogether. */
export function triageWrite(db: Database, row: TriageRecord) {
  return db.insertInto('triages').values({
    ...row,
    settings: JSON.stringify(row.settings),
    facts: JSON.stringify(row.facts),
    results: JSON.stringify(row.results),
    prompts: JSON.stringify(row.prompts),
    response: row.response === null ? null : JSON.stringify(row.response),
  });
}

export async function insertTriage(db: Database, row: TriageRecord): Promise<void> {
  await triageWrite(db, row).execute();
}

export async function findLatestTriage(db: Database, contactId: string): Promise<TriageRow | undefined> {
  return db.selectFrom('triages').selectAll().where('contact_id', '=', contactId)
    .orderBy('sequence', 'desc').limit(1).executeTakeFirst();
}

export async function listTriages(db: Database, contactId: string): Promise<TriageRow[]> {
  return db.selectFrom('triages').selectAll().where('contact_id', '=', contactId).orderBy('sequence').execute();
}
