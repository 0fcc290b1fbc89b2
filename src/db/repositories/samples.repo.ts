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

/** A sampled contact by id: the auditor then reads each one, and each read is recorded in the trail. */
export interface SampledContact {
  id: string;
  priority: string;
  closed_at: Date;
  sample_key: number;
}

/** Where a seed starts its walk along the key: the same seed, the same point, on any machine. */
export function sampleStart(seed: string | number): number {
  return createHash('sha256').update(`sample:${seed}`).digest().readUIntBE(0, 6) / 2 ** 48;
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
  const matches = sql`la = ${filter.la} and status = 'closed' and closed_at >= ${filter.closedFrom} and closed_at < ${filter.closedTo}
    ${filter.priority ? sql`and priority = ${filter.priority}` : sql``}`;
  // One round trip, read from the index alone (it INCLUDEs the filters and these columns); each lap is a short walk.
  const { rows } = await sql<SampledContact>`
    (select id, priority, closed_at, sample_key, 0 as lap from contacts where ${matches} and sample_key >= ${start} order by sample_key, id limit ${size})
    union all
    (select id, priority, closed_at, sample_key, 1 as lap from contacts where ${matches} and sample_key < ${start} order by sample_key, id limit ${size})
    order by lap, sample_key, id
    limit ${size}`.execute(db);
  return rows.map(({ id, priority, closed_at, sample_key }) => ({ id, priority, closed_at, sample_key }));
}
