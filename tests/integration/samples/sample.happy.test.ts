import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.js';
import { migrateToLatest } from '../../../src/db/migrate.js';
import { sampleClosedContacts, type SampleFilter } from '../../../src/db/repositories/samples.repo.js';
import { freshDatabase, HOME_LA, OTHER_LA } from '../../support/test-app.js';

const DAY = 86_400_000;
const base = Date.parse('2026-06-01T00:00:00Z');
let database: DatabaseHandle;

beforeAll(async () => {
  database = await freshDatabase();
  await migrateToLatest(database.db);
  const contacts = Array.from({ length: 300 }, (_, i) => ({
    id: `con_${String(i).padStart(26, '0')}`,
    la: i % 10 === 9 ? OTHER_LA : HOME_LA,
    status: i % 5 === 4 ? 'awaiting_decision' : 'closed',
    received_at: new Date(base + (i % 60) * DAY),
    decision_due_by: new Date(base + (i % 60) * DAY),
    priority: ['red', 'amber', 'green'][i % 3]!,
    score: 0, referrer_source: '2A', referrer_group: 'professional', record: '{}', recorded_by: 'test',
    recorded_at: new Date(base), version: 1,
    closed_at: i % 5 === 4 ? null : new Date(base + ((i % 60) + 2) * DAY),
  }));
  await database.db.insertInto('contacts').values(contacts).execute();
});
afterAll(() => database.close());

const filter = (seed: number, overrides: Partial<SampleFilter> = {}): SampleFilter => ({
  la: HOME_LA, closedFrom: new Date(base), closedTo: new Date(base + 40 * DAY), priority: 'amber', seed, ...overrides,
});

describe('audit sample of closed contacts', () => {
  it('is the same sample for the same seed', async () => {
    const first = await sampleClosedContacts(database.db, filter(17));
    const again = await sampleClosedContacts(database.db, filter(17));
    expect(first).toHaveLength(20);
    expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
  });

  it('draws a different sample for another seed', async () => {
    const a = await sampleClosedContacts(database.db, filter(1));
    const b = await sampleClosedContacts(database.db, filter(2));
    expect(b.map((c) => c.id)).not.toEqual(a.map((c) => c.id));
  });

  it('keeps to the filters: authority, closed, closing period and priority', async () => {
    const sample = await sampleClosedContacts(database.db, filter(5));
    const rows = await database.db.selectFrom('contacts').selectAll().where('id', 'in', sample.map((c) => c.id)).execute();
    for (const row of rows) {
      expect(row).toMatchObject({ la: HOME_LA, status: 'closed', priority: 'amber' });
      expect(row.closed_at!.getTime()).toBeGreaterThanOrEqual(base);
      expect(row.closed_at!.getTime()).toBeLessThan(base + 40 * DAY);
    }
  });

  it('returns every match, once each, when fewer match than the sample size', async () => {
    const sample = await sampleClosedContacts(database.db, filter(9, { closedTo: new Date(base + 6 * DAY), size: 50 }));
    expect(sample.length).toBeGreaterThan(0);
    expect(sample.length).toBeLessThan(50);
    expect(new Set(sample.map((c) => c.id)).size).toBe(sample.length);
  });
});
