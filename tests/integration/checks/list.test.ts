import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact } from '../../fixtures/contacts.js';
import { json, PARTNER_ENV, START_UP_MS } from '../../support/partners.js';
import { WITH_CONSENT } from '../../support/sharing.js';
import { createTestApp, OTHER_LA, type TestApp } from '../../support/test-app.js';

/** The list of what partners still owe, soonest due first, with overdue marked. */
describe('GET /api/v1/checks', () => {
  let t: TestApp;
  let contactId: string;
  beforeAll(async () => {
    t = await createTestApp({ env: PARTNER_ENV, now: '2026-11-24T10:00:00Z' });
    // Physical abuse by an adult, seen by school staff, with the mother unchecked: pack 2026.12.1 asks for household checks
    // only (unchecked-adult: police, probation, GP) and makes it amber (a child-in-need assessment within one working day),
    // so the police and GP checks are due on the 25th and overdue by the 26th.
    const contact = await json(await t.request('POST', '/api/v1/contacts', { body: quietContact({
      adults: [{ role: 'mother', livesWithChild: true, checksCompleted: false }],
      concerns: ['18C'],
      narrative: 'Staff saw the mother push the child hard against the school gate at pick-up; no injury was seen.',
    }) }));
    contactId = contact.id;
  }, START_UP_MS);
  afterAll(async () => { await t.close(); });

  it('screeners and managers see the outstanding checks, soonest due first', async () => {
    for (const role of ['screener', 'manager'] as const) {
      const res = await t.request('GET', '/api/v1/checks?status=outstanding', { role });
      expect(res.status).toBe(200);
      const { checks } = await json(res);
      expect(checks.map((c: { partner: string }) => c.partner).sort()).toEqual(['health_gp', 'police', 'probation']);
      expect(checks.every((c: { contactId: string; overdue: boolean }) => c.contactId === contactId && !c.overdue)).toBe(true);
      const dues = checks.map((c: { dueAt: string }) => c.dueAt);
      expect([...dues].sort()).toEqual(dues);
    }
  });

  it('an answered check leaves the outstanding list; late ones are listed as overdue', async () => {
    const { checks } = await json(await t.request('GET', `/api/v1/checks?contactId=${contactId}`));
    const probation = checks.find((c: { partner: string }) => c.partner === 'probation');
    expect((await t.request('POST', `/api/v1/checks/${probation.id}/response`, { body: { respondent: { organisation: 'Probation' }, summary: 'Not known.', sharing: WITH_CONSENT } })).status).toBe(200);
    const outstanding = (await json(await t.request('GET', '/api/v1/checks?status=outstanding'))).checks;
    expect(outstanding.map((c: { partner: string }) => c.partner).sort()).toEqual(['health_gp', 'police']);
    expect((await json(await t.request('GET', '/api/v1/checks?status=overdue'))).checks).toEqual([]);

    t.clock.set('2026-11-26T09:00:00Z');
    const overdue = (await json(await t.request('GET', '/api/v1/checks?status=overdue', { role: 'manager' }))).checks;
    expect(overdue.map((c: { partner: string }) => c.partner).sort()).toEqual(['health_gp', 'police']);
    expect(overdue.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    const responded = (await json(await t.request('GET', '/api/v1/checks?status=responded'))).checks;
    expect(responded.map((c: { id: string }) => c.id)).toEqual([probation.id]);
  });

  it('another authority sees none of them; an auditor may not list them; a bad filter is 400', async () => {
    expect((await json(await t.request('GET', '/api/v1/checks?status=all', { la: OTHER_LA }))).checks).toEqual([]);
    expect((await t.request('GET', '/api/v1/checks', { role: 'auditor' })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/checks?status=late')).status).toBe(400);
  });
});
