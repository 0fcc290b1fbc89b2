import { sql } from 'kysely';
import type { Database } from '../client.js';

export interface HistoryWindow { from?: Date | undefined; to?: Date | undefined; /** One authority's contacts only; all when absent (the operators' CLI). */ la?: string | undefined }

export interface LatestTriage {
  contactId: string;
  la: string;
  priority: string;
  prompts: unknown[];
  facts: Record<string, unknown>;
}

/** The latest triage of each contact, a page at a time in contact id order (keyset), optionally by date received. */
export async function listLatestTriagesPage(
  db: Database, window: HistoryWindow, afterContactId: string, limit: number,
): Promise<LatestTriage[]> {
  const { rows } = await sql<{ contact_id: string; la: string; priority: string; prompts: unknown[]; facts: Record<string, unknown> }>`
    select distinct on (t.contact_id) t.contact_id, t.la, t.priority, t.prompts, t.facts
    from triages t join contacts c on c.id = t.contact_id
    where t.contact_id > ${afterContactId}
      ${window.la ? sql`and t.la = ${window.la}` : sql``}
      ${window.from ? sql`and c.received_at >= ${window.from}` : sql``}
      ${window.to ? sql`and c.received_at < ${window.to}` : sql``}
    order by t.contact_id, t.sequence desc
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ contactId: r.contact_id, la: r.la, priority: r.priority, prompts: r.prompts, facts: r.facts }));
}
