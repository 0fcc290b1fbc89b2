import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact } from '../../fixtures/contacts.js';
import { json, PARTNER_ENV, START_UP_MS } from '../../support/partners.js';
import { releaseChecks } from '../../support/sharing.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** Recording a contact opens its checks in the same transaction, and sends nothing before it answers. */
describe('checks requested when a contact is recorded', () => {
  // No handlers: any call to a partner while recording fails the test.
  const server = setupServer();
  let t: TestApp;
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    t = await createTestApp({ env: PARTNER_ENV, now: '2026-11-24T10:00:00Z' });
  }, START_UP_MS);
  afterAll(async () => { await t.close(); server.close(); });

  // A police notification of domestic abuse in a baby's home: pack 2026.12.1 asks for a multi-agency review (domestic-abuse)
  // and household checks (domestic-abuse-young-child, unchecked-adult) because of the abuse, not because a baby is named.
  const baby = () => quietContact({
    referrer: { source: '6', organisation: 'Police', spokenToDirectly: true },
    children: [child({ dateOfBirth: '2026-08-20', mobility: 'not_independently_mobile', communicates: false })],
    adults: [
      { role: 'mother', livesWithChild: true, checksCompleted: false },
      { role: 'partner', personId: 'P-ADULT-9', livesWithChild: true, checksCompleted: false, allegedPerpetrator: true },
    ],
    household: { domesticAbuse: true },
    evidenceHeld: ['body_worn_video'],
    narrative: 'Police attended a domestic incident at the home: the partner shouted at and shoved the mother; the baby was asleep upstairs.',
  });

  it('asks each partner the prompts call for, naming every child and adult by stored id', async () => {
    const res = await t.request('POST', '/api/v1/contacts', { body: baby() });
    expect(res.status).toBe(201);
    const contact = await json(res);
    const checks = await t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', contact.id).orderBy('partner').execute();
    expect(checks.map((c) => c.partner).sort()).toEqual(['cp_is', 'health_gp', 'health_visiting', 'police', 'probation']);

    const children = await t.deps.db.selectFrom('contact_children').select('id').where('contact_id', '=', contact.id).execute();
    const adults = await t.deps.db.selectFrom('contact_adults').select(['id', 'position']).where('contact_id', '=', contact.id).orderBy('position').execute();
    for (const check of checks) {
      const people = check.people as { id: string; kind: string; allegedPerpetrator: boolean }[];
      expect(people.map((p) => p.id)).toEqual([children[0]!.id, adults[0]!.id, adults[1]!.id]);
      expect(people.find((p) => p.allegedPerpetrator)?.id).toBe(adults[1]!.id);
      expect(check.la).toBe('E06000056');
      expect(check.requested_at).toEqual(new Date('2026-11-24T10:00:00Z'));
    }
    const police = checks.find((c) => c.partner === 'police')!;
    expect((police.asks as { action: string }[]).map((a) => a.action).sort()).toEqual(['household_checks', 'multi_agency_review', 'request_evidence']);
    // Nothing may leave before a practitioner records the basis for sharing; then each goes its way.
    expect(checks.every((c) => c.status === 'awaiting_basis' && c.next_attempt_at === null)).toBe(true);
    expect(police).toMatchObject({ dispatch: 'api', priority: contact.triage.priority, attempts: 0 });
    await releaseChecks(t, contact.id);
    const released = await t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', contact.id).execute();
    expect(released.find((c) => c.partner === 'police')).toMatchObject({ dispatch: 'api', status: 'awaiting_dispatch', attempts: 0 });
    expect(released.find((c) => c.partner === 'probation')).toMatchObject({ dispatch: 'by_hand', status: 'send_by_hand', next_attempt_at: null });
    expect(released.find((c) => c.partner === 'health_visiting')).toMatchObject({ dispatch: 'by_hand', status: 'send_by_hand' });
  });

  it('a red contact’s checks are due by the close of the same working day; others by the partner’s working days', async () => {
    const red = await json(await t.request('POST', '/api/v1/contacts', { body: quietContact({
      children: [child({ dateOfBirth: '2026-09-01', mobility: 'not_independently_mobile', communicates: false,
        injuries: [{ type: 'bruise', sites: ['cheeks'], explanation: null, explanationAssessment: 'none' }] })],
      adults: [{ role: 'father', livesWithChild: true, checksCompleted: false }],
    }) }));
    expect(red.triage.priority).toBe('red');
    const redChecks = await t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', red.id).execute();
    expect(redChecks.length).toBeGreaterThan(0);
    for (const check of redChecks) expect(check.due_at).toEqual(new Date('2026-11-24T17:00:00Z'));

    // Amber is a child-in-need assessment within one working day: domestic abuse the child saw (an unchecked adult alone is no longer a concern).
    const amber = await json(await t.request('POST', '/api/v1/contacts', { body: quietContact({
      adults: [{ role: 'mother', livesWithChild: true, checksCompleted: false }],
      household: { domesticAbuse: true }, domesticAbuseDetail: { childPresent: true },
      narrative: 'The mother told staff her partner pushed her over at home at the weekend, in front of the child.',
    }) }));
    expect(amber.triage.priority).toBe('amber');
    const police = await t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', amber.id).where('partner', '=', 'police').executeTakeFirstOrThrow();
    expect(police.due_at).toEqual(new Date('2026-11-25T17:00:00Z'));
  });

  it('a quiet contact asks nobody', async () => {
    const quiet = await json(await t.request('POST', '/api/v1/contacts', { body: quietContact() }));
    expect(quiet.triage.prompts.map((p: { action: string }) => p.action)).not.toContain('household_checks');
    expect(await t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', quiet.id).execute()).toEqual([]);
  });

  it('each check is in the contact’s trail, by id and without names', async () => {
    const contact = await json(await t.request('POST', '/api/v1/contacts', { body: baby() }));
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', contact.id).orderBy('seq').execute();
    const requested = audit.filter((a) => a.action === 'check.requested');
    const checks = await t.deps.db.selectFrom('checks').select(['id', 'partner']).where('contact_id', '=', contact.id).execute();
    expect(requested.map((a) => a.detail.checkId).sort()).toEqual(checks.map((c) => c.id).sort());
    expect(audit.map((a) => a.action).slice(0, 2)).toEqual(['contact.recorded', 'contact.triaged']);
    const text = JSON.stringify(requested.map((a) => a.detail));
    expect(text).not.toContain('Sam');
    expect(text).not.toContain('P-ADULT-9');
  });
});
