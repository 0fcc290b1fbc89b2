import { sql } from 'kysely';
import type { Database } from '../../src/db/client.js';
import { countPriorContacts, type ChildKey } from '../../src/db/repositories/contacts.repo.js';
import { sampleClosedContacts, type SampleFilter } from '../../src/db/repositories/samples.repo.js';
import { seededRandom } from './contact-generator.js';
import { median, percentile, timeEach } from './stats.js';

export interface Timing { p50: number; p99: number; n: number }
const timing = (ms: number[]): Timing => ({ p50: median(ms), p99: percentile(ms, 99), n: ms.length });

/** The floor of any lookup: one round trip through the same pool. */
export async function roundTrip(db: Database, times: number): Promise<Timing> {
  return timing(await timeEach(times, Math.min(50, times), () => sql`select 1`.execute(db)));
}

/**
 * countPriorContacts for the children of randomly chosen generated
 * contacts (1–4 children each, as a new contact would name them).
 */
export async function benchHistory(db: Database, options: { la: string; contacts: number; lookups: number; seed: number }): Promise<Timing> {
  const rnd = seededRandom(options.seed);
  const ids = Array.from({ length: options.lookups + 50 }, () => `con_gen${String(1 + Math.floor(rnd() * options.contacts)).padStart(23, '0')}`);
  const rows = await db.selectFrom('contact_children').select(['contact_id', 'person_id', 'nhs_number'])
    .where('contact_id', 'in', [...new Set(ids)]).orderBy('contact_id').orderBy('position').execute();
  const byContact = new Map<string, ChildKey[]>();
  for (const r of rows) byContact.set(r.contact_id, [...(byContact.get(r.contact_id) ?? []), { personId: r.person_id, nhsNumber: r.nhs_number }]);
  const lookups = ids.map((id) => byContact.get(id)!).filter(Boolean);
  const now = new Date();
  return timing(await timeEach(options.lookups, 50, (i) => countPriorContacts(db, options.la, lookups[i % lookups.length]!, now)));
}

/** The audit sample through the repository, and the same filters with ORDER BY random() as its baseline. */
export async function benchSample(db: Database, options: { la: string; samples: number; baselineSamples: number }): Promise<{ sample: Timing; orderByRandom: Timing; matching: number }> {
  const day = 86_400_000;
  const now = Date.now();
  const filter = (seed: number): SampleFilter => ({
    la: options.la, closedFrom: new Date(now - 400 * day), closedTo: new Date(now - 310 * day), priority: 'amber', seed, size: 20,
  });
  const f = filter(0);
  const matching = Number((await sql<{ n: number }>`
    select count(*)::int n from contacts where la = ${f.la} and status = 'closed' and closed_at >= ${f.closedFrom} and closed_at < ${f.closedTo} and priority = ${f.priority}`
    .execute(db)).rows[0]!.n);
  const sample = timing(await timeEach(options.samples, 20, (i) => sampleClosedContacts(db, filter(i))));
  const orderByRandom = timing(await timeEach(options.baselineSamples, 2, () => sql`
    select id, priority, closed_at, sample_key from contacts
    where la = ${f.la} and status = 'closed' and closed_at >= ${f.closedFrom} and closed_at < ${f.closedTo} and priority = ${f.priority}
    order by random() limit 20`.execute(db)));
  return { sample, orderByRandom, matching };
}
