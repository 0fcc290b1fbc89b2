import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawAuditSample } from '../../../src/domain/audit/draw-sample.js';
import { AuditSampleQuery, SAMPLE_CSV_COLUMNS } from '../../../src/schemas/sample.schema.js';
import { child, quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { runContact } from '../../support/closed-contacts.js';
import type { Json } from '../../support/decisions.js';
import { createTestApp, HOME_LA, OTHER_LA, type TestApp } from '../../support/test-app.js';

const march = () => seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request;

/**
 * Six closed contacts of the home authority, keyed 0.1 … 0.6 along the
 * sample key so each seed's walk is known by hand:
 *   1 professional green, anna, s17                  closed 25 Nov
 *   2 professional green, ben, nfa                   closed 25 Nov
 *   3 non-professional (1A, amber), anna, early help closed 26 Nov
 *   4 anonymous (amber), anna, nfa → endorsed         closed 26 Nov  (overridden)
 *   5 March 2023 (red, 1D, youngest 6 months), ben, nfa → overturned to a strategy discussion, closed 27 Nov (overridden)
 *   6 a 3-month-old (amber), ben, early help         closed 27 Nov
 * plus one decided but open, and one closed in another authority.
 * Pack 2026.12.1 makes a contact amber by what it alleges, not by who refers or a baby's age alone, so the amber
 * ones carry a concern that sends them to a child-in-need assessment within one working day: 3 a relative's report of
 * domestic abuse the child saw, 4 an anonymous report of physical abuse, 6 a health visitor's report of a neglected baby.
 * None has a critical prompt, so only the nfa on 4 departs.
 */
describe('GET /api/v1/audit/samples', () => {
  let t: TestApp;
  const ids: string[] = [];
  const get = (query: string, role: 'auditor' | 'screener' = 'auditor') => t.request('GET', `/api/v1/audit/samples?${query}`, { role, sub: 'auditor-al' });
  const sampled = async (query: string): Promise<string[]> => {
    const res = await get(query);
    expect(res.status).toBe(200);
    return (await res.json()).contacts.map((c: Json) => c.id);
  };
  const contacts = (...n: number[]) => n.map((i) => ids[i - 1]);

  beforeAll(async () => {
    t = await createTestApp();
    const plans = [
      { input: quietContact(), screener: 'anna', outcome: 'assessment_s17', closeAt: '2026-11-25T12:00:00Z' },
      { input: quietContact(), screener: 'ben', outcome: 'nfa', closeAt: '2026-11-25T15:00:00Z' },
      {
        input: quietContact({
          referrer: { source: '1A', relationshipToChild: 'aunt' }, household: { domesticAbuse: true }, domesticAbuseDetail: { childPresent: true },
          narrative: 'The child’s aunt says the mother’s partner hit the mother in front of the child at the weekend.',
        }),
        screener: 'anna', outcome: 'early_help', closeAt: '2026-11-26T09:00:00Z',
      },
      {
        input: quietContact({ referrer: { source: '9' }, concerns: ['18C'], narrative: 'An anonymous caller says the child’s stepfather throws him about when he has been drinking.' }),
        screener: 'anna', outcome: 'nfa', overrideReason: 'discretionary', review: { verdict: 'endorse' as const }, closeAt: '2026-11-26T16:00:00Z',
      },
      {
        input: march(), screener: 'ben', outcome: 'nfa', overrideReason: 'discretionary',
        declined: { strategy_discussion: 'Mother accepts she smacked; no injury was seen by the referrers.' },
        review: { verdict: 'overturn' as const, outcome: 'strategy_discussion' }, closeAt: '2026-11-27T10:00:00Z',
      },
      {
        input: quietContact({
          referrer: { source: '3B', organisation: 'Health visiting', spokenToDirectly: true }, concerns: ['16A'],
          children: [child({ personId: 'P-BABY', dateOfBirth: '2026-08-01', mobility: 'not_independently_mobile', communicates: false })],
          narrative: 'The health visitor is worried that the baby is not gaining weight and the home is often cold; the mother is struggling.',
        }),
        screener: 'ben', outcome: 'early_help', closeAt: '2026-11-27T11:00:00Z',
      },
    ];
    for (const plan of plans) {
      t.clock.set('2026-11-24T12:00:00Z');
      ids.push((await runContact(t, plan)).id);
    }
    t.clock.set('2026-11-24T12:00:00Z');
    await runContact(t, { input: quietContact(), screener: 'anna', outcome: 'assessment_s17' });
    const other = await t.request('POST', '/api/v1/contacts', { body: quietContact(), la: OTHER_LA });
    const otherId = (await other.json()).id;
    await t.request('POST', `/api/v1/contacts/${otherId}/decision`, { la: OTHER_LA, body: { outcome: 'nfa', rationale: 'Spoke with the referrer and the school; the account is consistent and the family are engaging.', promptResponses: [], childSeen: false, childSpokenTo: false } });
    await t.request('POST', `/api/v1/contacts/${otherId}/close`, { la: OTHER_LA });
    // The sample key is random by design; the fixture fixes it so every walk below is computed by hand.
    for (const [i, id] of ids.entries()) await t.deps.db.updateTable('contacts').set({ sample_key: (i + 1) / 10 } as never).where('id', '=', id).execute();
    t.clock.set('2026-11-28T10:00:00Z');
  });
  afterAll(async () => { await t.close(); });

  it('walks the key from the seed’s point: the same seed gives the same sample in the same order', async () => {
    // sampleStart('charlie') ≈ 0.274: the walk starts at 0.3 and wraps round.
    expect(await sampled('seed=charlie')).toEqual(contacts(3, 4, 5, 6, 1, 2));
    expect(await sampled('seed=charlie')).toEqual(contacts(3, 4, 5, 6, 1, 2));
    expect(await sampled('seed=charlie&size=2')).toEqual(contacts(3, 4));
  });

  it('another seed starts elsewhere: a different order', async () => {
    expect(await sampled('seed=hotel')).toEqual(contacts(1, 2, 3, 4, 5, 6)); // ≈ 0.098
    expect(await sampled('seed=foxtrot')).toEqual(contacts(6, 1, 2, 3, 4, 5)); // ≈ 0.529
  });

  it('keeps to every filter', async () => {
    expect(await sampled('seed=hotel&outcome=nfa')).toEqual(contacts(2, 4));
    expect(await sampled('seed=hotel&outcome=nfa,strategy_discussion')).toEqual(contacts(2, 4, 5));
    expect(await sampled('seed=hotel&referrerGroup=non_professional')).toEqual(contacts(3, 5));
    expect(await sampled('seed=hotel&referrerGroup=anonymous')).toEqual(contacts(4));
    expect(await sampled('seed=hotel&overridden=true')).toEqual(contacts(4, 5));
    expect(await sampled('seed=hotel&overridden=false')).toEqual(contacts(1, 2, 3, 6));
    expect(await sampled('seed=hotel&screener=ben')).toEqual(contacts(2, 5, 6));
    expect(await sampled('seed=hotel&maxAgeMonths=12')).toEqual(contacts(5, 6));
    expect(await sampled('seed=hotel&maxAgeMonths=3')).toEqual(contacts(6));
    expect(await sampled('seed=hotel&closedFrom=2026-11-26&closedTo=2026-11-26')).toEqual(contacts(3, 4));
    expect(await sampled('seed=hotel&closedFrom=2026-11-27')).toEqual(contacts(5, 6));
    expect(await sampled('seed=hotel&priority=red')).toEqual(contacts(5));
    expect(await sampled('seed=hotel&priority=amber')).toEqual(contacts(3, 4, 6));
    expect(await sampled('seed=hotel&priority=green,red')).toEqual(contacts(1, 2, 5));
    expect(await sampled('seed=hotel&outcome=early_help&screener=anna&overridden=false')).toEqual(contacts(3));
  });

  it('each contact comes with its triage, decisions, review and times', async () => {
    const res = await get('seed=hotel&priority=red');
    const [c] = (await res.json()).contacts;
    expect(c).toMatchObject({
      id: ids[4], status: 'closed', closedAt: '2026-11-27T10:00:00.000Z', referrerGroup: 'non_professional',
      finalOutcome: 'strategy_discussion', overridden: true, youngestAgeMonths: 6, stratum: null,
      decision: { outcome: 'nfa', decidedBy: 'ben', overrideReason: 'discretionary' },
      reviews: [{ verdict: 'overturn', outcome: 'strategy_discussion', reviewedBy: 'manager-1' }],
      triage: { priority: 'red', ruleSet: { hash: t.deps.ruleSet.hash } },
    });
    expect(c.triage.rules.length).toBeGreaterThan(0);
    expect(c.triage.facts).toEqual(expect.any(Object));
    expect(c.decision.promptResponses).toContainEqual(expect.objectContaining({ action: 'strategy_discussion', response: 'declined' }));
  });

  it('stratified: up to perStratum from each stratum, strata in the order named', async () => {
    const res = await get('seed=hotel&stratify=outcome&outcome=strategy_discussion,nfa&perStratum=2');
    const sample = await res.json();
    expect(sample.contacts.map((c: Json) => [c.id, c.stratum])).toEqual([
      [ids[4], 'strategy_discussion'], [ids[1], 'nfa'], [ids[3], 'nfa'],
    ]);
    expect(sample).toMatchObject({ stratify: 'outcome', perStratum: 2, size: null, count: 3 });
    const event = await t.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'audit.sample_drawn').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(event.detail).toMatchObject({ stratify: 'outcome', perStratum: 2, size: null, filters: { outcome: ['strategy_discussion', 'nfa'] } });
    const byPriority = await (await get('seed=foxtrot&stratify=priority&perStratum=1')).json();
    expect(byPriority.contacts.map((c: Json) => [c.id, c.stratum])).toEqual([[ids[4], 'red'], [ids[5], 'amber'], [ids[0], 'green']]);
  });

  it('without a seed, one is generated and returned, and draws the same sample again', async () => {
    const first = await (await get('size=3')).json();
    expect(first).toMatchObject({ seedGenerated: true, seed: expect.any(String), count: 3 });
    const again = await (await get(`size=3&seed=${encodeURIComponent(first.seed)}`)).json();
    expect(again.seedGenerated).toBe(false);
    expect(again.contacts.map((c: Json) => c.id)).toEqual(first.contacts.map((c: Json) => c.id));
  });

  it('drawing a sample is an audit event naming the filters, seed, size and contacts; each contact’s trail shows the read', async () => {
    await get('seed=hotel&overridden=true&size=5');
    const event = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.sample_drawn').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_sub: 'auditor-al', actor_role: 'auditor', contact_id: null });
    expect(event.detail).toMatchObject({ seed: 'hotel', size: 5, seedGenerated: false, filters: { overridden: true, outcome: null }, perStratum: null, contactIds: contacts(4, 5) });
    const reads = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'contact.read').where('seq', '>', event.seq).execute();
    expect(reads.map((r) => r.contact_id)).toEqual(contacts(4, 5));
    expect(reads[0]!.detail).toMatchObject({ via: 'audit_sample', seed: 'hotel' });
  });

  it('format=csv: the documented header and one row per contact in sample order', async () => {
    const res = await get('seed=hotel&overridden=true&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('x-sample-seed')).toBe('hotel');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(SAMPLE_CSV_COLUMNS.map(([name]) => name).join(','));
    expect(lines[0]).toBe('contact_id,received_at,closed_at,priority,score,referrer_group,youngest_age_months,outcome,final_outcome,overridden,declined_prompts,screener,reviewer,verdict,rule_set_hash,stratum,shared_without_consent,information_sharing');
    expect(lines).toHaveLength(3);
    const row = lines[2]!.split(',');
    expect(row[0]).toBe(ids[4]);
    expect(row.slice(1, 4)).toEqual(['2023-03-14T09:20:00.000Z', '2026-11-27T10:00:00.000Z', 'red']);
    expect(row.slice(5)).toEqual(['non_professional', '6', 'nfa', 'strategy_discussion', 'true', expect.stringContaining('strategy_discussion'), 'ben', 'manager-1', 'overturn', t.deps.ruleSet.hash, '', '0', '']);
    expect(lines[1]!.split(',').slice(5, 14)).toEqual(['anonymous', '74', 'nfa', 'nfa', 'true', expect.any(String), 'anna', 'manager-1', 'endorse']);
  });

  it('the verb itself returns plain JSON a page can render as it is', async () => {
    const ctx = { deps: t.deps, actor: { sub: 'auditor-al', role: 'auditor' as const, la: HOME_LA }, requestId: 'req_test' };
    const sample = await drawAuditSample({ ctx, query: AuditSampleQuery.parse({ seed: 'hotel', overridden: 'true' }) });
    expect(sample.count).toBe(2);
    expect(JSON.parse(JSON.stringify(sample))).toEqual(sample);
  });
});
