import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { createTestApp, storedCounts, type TestApp } from '../../support/test-app.js';

describe('POST /api/v1/contacts: recording and triage', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('stores the contact, its people, the triage and two audit entries in one go', async () => {
    const before = await storedCounts(t.deps);
    const march = seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!;
    const res = await t.request('POST', '/api/v1/contacts', { body: march.request, sub: 'screener-anna' });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/contacts/${body.id}`);
    expect(res.headers.get('etag')).toBe(`"${body.id}-1"`);
    expect(body.id).toMatch(/^con_[0-9a-z]{26}$/);
    expect(body.status).toBe('awaiting_decision');
    expect(body.triage.ruleSet.hash).toBe(t.deps.ruleSet.hash);
    expect(body.triage.rules).toHaveLength(t.deps.ruleSet.rules.length);

    const after = await storedCounts(t.deps);
    // Each multi-agency check and transfer the triage opens is in the trail too (issue 8).
    const recorded = (body as { id: string }).id;
    const checks = await t.deps.db.selectFrom('checks').select('id').where('contact_id', '=', recorded).execute();
    const transfers = await t.deps.db.selectFrom('transfers').select('id').where('contact_id', '=', recorded).execute();
    expect(checks.length).toBeGreaterThan(0);
    expect(after).toEqual({ contacts: before.contacts + 1, children: before.children + 2, adults: before.adults + 2, triages: before.triages + 1, audit: before.audit + 2 + checks.length + transfers.length });

    const row = await t.deps.db.selectFrom('contacts').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ la: 'E06000056', status: 'awaiting_decision', priority: 'red', referrer_source: '1D', referrer_group: 'non_professional', recorded_by: 'screener-anna' });
    const triage = await t.deps.db.selectFrom('triages').selectAll().where('contact_id', '=', body.id).executeTakeFirstOrThrow();
    expect(triage.rule_set_hash).toBe(t.deps.ruleSet.hash);
    expect(triage.facts).toMatchObject({ underOneCount: 1, cpHistory: true, minimisingLanguage: true, referrerGroup: 'non_professional' });
    expect(triage.results).toEqual(body.triage.rules);

    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', body.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['contact.recorded', 'contact.triaged', ...checks.map(() => 'check.requested'), ...transfers.map(() => 'transfer.opened')]);
    expect(audit[0]).toMatchObject({ actor_sub: 'screener-anna', actor_role: 'screener', la: 'E06000056' });
    expect(audit[1]!.detail).toMatchObject({ ruleSetHash: t.deps.ruleSet.hash, priority: 'red' });
    expect(JSON.stringify(audit)).not.toContain('Sophie');
  });

  it('reads the contact back with the same triage and every rule’s result, and records the read', async () => {
    const created = await (await t.request('POST', '/api/v1/contacts', { body: seedScenarios()[1]!.request })).json();
    const res = await t.request('GET', `/api/v1/contacts/${created.id}`, { role: 'manager', sub: 'manager-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${created.id}-1"`);
    const read = await res.json();
    expect(read.triage).toEqual(created.triage);
    expect(read.children[0]).toMatchObject({ givenName: 'Sophie', ageDays: 1002, nonMobile: false });
    for (const rule of read.triage.rules) {
      expect(rule.conditions.length).toBeGreaterThan(0);
      expect(rule.rationale.length).toBeGreaterThan(10);
    }
    const reads = await t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', created.id).where('action', '=', 'contact.read').execute();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actor_sub: 'manager-1', actor_role: 'manager' });
  });

  it('counts this service’s earlier contacts about the same child, by person id or NHS number', async () => {
    const nhs = '9434765919';
    const first = quietContact({ receivedAt: '2026-06-01T10:00:00Z', children: [child({ personId: 'P-REPEAT', nhsNumber: nhs })] });
    const second = quietContact({ receivedAt: '2026-08-01T10:00:00Z', children: [child({ personId: null, nhsNumber: nhs })] });
    const tooOld = quietContact({ receivedAt: '2025-06-01T10:00:00Z', children: [child({ personId: 'P-REPEAT' })] });
    for (const body of [first, second, tooOld]) expect((await t.request('POST', '/api/v1/contacts', { body })).status).toBe(201);
    // repeat-contacts (pack 2026.12.1) looks at the cumulative picture only when this contact alleges harm: physical punishment.
    const third = await (await t.request('POST', '/api/v1/contacts', {
      body: quietContact({
        receivedAt: '2026-11-01T10:00:00Z', children: [child({ personId: 'P-REPEAT', nhsNumber: nhs })],
        physicalPunishmentReported: true, narrative: 'The mother told staff she hit the child for answering back; no mark was seen.',
      }),
    })).json();
    expect(third.triage.facts.priorContactsLast12Months).toBe(2);
    const repeat = third.triage.rules.find((r: { id: string }) => r.id === 'repeat-contacts');
    expect(repeat.fired).toBe(true);
    expect(third.triage.prompts.map((p: { action: string }) => p.action)).toContain('multi_agency_review');
  });

  it('gives a quiet contact green priority, no prompts, and a decision due by the end of the next working day', async () => {
    // Friday 27 November 2026, 16:30 London time: due by close of Monday 30 November.
    const body = await (await t.request('POST', '/api/v1/contacts', { body: quietContact({ receivedAt: '2026-11-27T16:30:00Z' }) })).json();
    expect(body.triage.priority).toBe('green');
    expect(body.triage.prompts).toEqual([]);
    expect(body.triage.score).toBe(0);
    expect(body.decisionDueBy).toBe('2026-11-30T17:00:00.000Z');
  });

  it('makes a contact with immediate danger red and due at once', async () => {
    const body = await (await t.request('POST', '/api/v1/contacts', { body: quietContact({ immediateDanger: true }) })).json();
    expect(body.triage.priority).toBe('red');
    expect(body.decisionDueBy).toBe('2026-11-24T10:00:00.000Z');
    expect(body.triage.prompts).toContainEqual(expect.objectContaining({ action: 'see_child_urgently', indicator: 'critical', raisedBy: ['immediate-danger'] }));
  });
});
