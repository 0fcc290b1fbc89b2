import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../client.js';

export interface SampleFilter {
  la: string;
  /** Contacts closed in [closedFrom, closedTo). */
  closedFrom: Date;
  closedTo: Date;
  priority?: string | null;
  seed: string | number;
  size?: number;
}

export interface SampledContact {
  id: string;
  priority: string;
  closed_at: Date;
  received_at: Date;
  referrer_source: string;
  sample_key: number;
}

/** Where a seed starts its walk along the key: the same seed, the same point, on any machine. */
export function sampleStart(seed: string | number): number {
  return createHash('sha256').update(`sample:${seed}`).digest().readUIntBE(0, 6) / 2 ** 48;
}

async function walk(db: Database, f: SampleFilter, from: number, to: number, limit: number): Promise<string[]> {
  // Read from the index alone (its INCLUDE columns hold the filters); the rows are fetched afterwards by id.
  const { rows } = await sql<{ id: string }>`
    select id from contacts
    where la = ${f.la} and status = 'closed' and sample_key >= ${from} and sample_key < ${to}
      and closed_at >= ${f.closedFrom} and closed_at < ${f.closedTo}
      ${f.priority ? sql`and priority = ${f.priority}` : sql``}
    order by sample_key, id
    limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * A seeded audit sample of closed contacts. Every contact draws a random
 * `sample_key` when it is stored, so the contacts that follow any point on
 * the key are a uniform random sample of those matching the filters; the
 * seed fixes the point, which makes the sample repeatable. The walk wraps
 * round past 1 to the start. Cost grows with the sample and the filters'
 * selectivity, not with the size of the table.
 */
export async function sampleClosedContacts(db: Database, filter: SampleFilter): Promise<SampledContact[]> {
  const size = filter.size ?? 20;
  const start = sampleStart(filter.seed);
  const ids = await walk(db, filter, start, 2, size);
  if (ids.length < size) ids.push(...await walk(db, filter, -1, start, size - ids.length));
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('contacts')
    .select(['id', 'priority', 'closed_at', 'received_at', 'referrer_source', sql<number>`sample_key`.as('sample_key')])
    .where('la', '=', filter.la).where('id', 'in', ids).execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!) as SampledContact[];
}
