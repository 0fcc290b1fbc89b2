import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../client.js';
import { present } from '../../lib/one-of.js';

export interface SampleFilter {
  la: string;
  /** Contacts closed in [closedFrom, closedTo). */
  closedFrom: Date;
  closedTo: Date;
  /** One priority, or any of several. */
  priority?: string | readonly string[] | null;
  /** Any of these final outcomes (stamped at close). */
  outcomes?: readonly string[] | null;
  referrerGroup?: string | null;
  overridden?: boolean | null;
  /** The screener whose decision stood. */
  screener?: string | null;
  /** The youngest child's age in whole months at contact, at most this (an unborn child is 0). */
  maxAgeMonths?: number | null;
  seed: string | number;
  size?: number;
}

/** A sampled contact by id: the auditor then reads each one, and each read is recorded in the trail. */
export interface SampledContact {
  id: string;
  priority: string;
  closed_at: Date;
  sample_key: number;
  /** The stratum it was drawn for, in a stratified sample. */
  stratum?: string;
}

export type StratifyBy = 'final_outcome' | 'priority';

/** Where a seed starts its walk along the key: the same seed, the same point, on any machine. */
export function sampleStart(seed: string | number): number {
  return createHash('sha256').update(`sample:${seed}`).digest().readUIntBE(0, 6) / 2 ** 48;
}

const anyOf = (values: string | readonly string[]) => (typeof values === 'string' ? [values] : [...values]);

function matching(filter: SampleFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`la = ${filter.la}`, sql`status = 'closed'`, sql`closed_at >= ${filter.closedFrom}`, sql`closed_at < ${filter.closedTo}`,
  ];
  if (filter.priority && filter.priority.length > 0) parts.push(sql`priority in (${sql.join(anyOf(filter.priority))})`);
  if (filter.outcomes && filter.outcomes.length > 0) parts.push(sql`final_outcome in (${sql.join([...filter.outcomes])})`);
  if (filter.referrerGroup) parts.push(sql`referrer_group = ${filter.referrerGroup}`);
  if (typeof filter.overridden === 'boolean') parts.push(sql`overridden = ${filter.overridden}`);
  if (filter.screener) parts.push(sql`decided_by = ${filter.screener}`);
  if (typeof filter.maxAgeMonths === 'number') parts.push(sql`youngest_age_months <= ${filter.maxAgeMonths}`);
  return sql.join(parts, sql` and `);
}

/** The walk from the seed's point, wrapping round past 1 to the start: two short index scans. */
function walk(matches: RawBuilder<unknown>, start: number, size: number, stratum: RawBuilder<unknown>, rank: number) {
  return sql`
    (select id, priority, closed_at, sample_key, ${stratum}::text as stratum, ${rank}::int as rank, 0 as lap from contacts
      where ${matches} and sample_key >= ${start} order by sample_key, id limit ${size})
    union all
    (select id, priority, closed_at, sample_key, ${stratum}::text as stratum, ${rank}::int as rank, 1 as lap from contacts
      where ${matches} and sample_key < ${start} order by sample_key, id limit ${size})`;
}

/**
 * A seeded audit sample of closed contacts. Every contact draws a random
 * `sample_key` when it is stored, so the contacts that follow any point on
 * the key are a uniform random sample of those matching the filters; the
 * seed fixes the point, which makes the sample repeatable. Cost grows with
 * the sample and the filters' selectivity, not with the size of the table.
 */
export async function sampleClosedContacts(db: Database, filter: SampleFilter): Promise<SampledContact[]> {
  const size = filter.size ?? 20;
  // One round trip, read from the index alone (it INCLUDEs the filters and these columns).
  const { rows } = await sql<SampledContact & { lap: number }>`
    select id, priority, closed_at, sample_key from (${walk(matching(filter), sampleStart(filter.seed), size, sql`null`, 0)}) walked
    order by lap, sample_key, id
    limit ${size}`.execute(db);
  return rows.map(({ id, priority, closed_at, sample_key }) => ({ id, priority, closed_at, sample_key }));
}

/**
 * The same walk once per stratum, up to `perStratum` contacts each, all in
 * one round trip; strata come back in the order given, each in walk order.
 */
export async function sampleClosedContactsByStratum(
  db: Database, filter: SampleFilter, by: StratifyBy, strata: readonly string[], perStratum: number,
): Promise<SampledContact[]> {
  if (strata.length === 0) return [];
  const start = sampleStart(filter.seed);
  const column = by === 'priority' ? sql`priority` : sql`final_outcome`;
  const walks = strata.map((value, rank) => sql`
    select * from (
      select * from (${walk(sql`${matching(filter)} and ${column} = ${value}`, start, perStratum, sql`${value}`, rank)}) laps
      order by lap, sample_key, id limit ${perStratum}) stratum_${sql.raw(String(rank))}`);
  const { rows } = await sql<SampledContact & { rank: number }>`
    select id, priority, closed_at, sample_key, stratum, rank from (${sql.join(walks, sql` union all `)}) drawn
    order by rank, lap, sample_key, id`.execute(db);
  return rows.map(({ id, priority, closed_at, sample_key, stratum }) => ({ id, priority, closed_at, sample_key, stratum: present(stratum, 'stratum') }));
}
