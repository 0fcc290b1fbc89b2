import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact } from '../../fixtures/contacts.js';
import { dispatchChecks } from '../../../src/domain/checks/dispatch-checks.js';
import { json, PARTNER_ENV, PARTNER_URLS, START_UP_MS } from '../../support/partners.js';
import { releaseChecks } from '../../support/sharing.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

interface Received { partner: string; path: string; idempotencyKey: string | null; body: Record<string, unknown> }

/** Partners answer in every way they can fail; the contact stays as recorded and each check ends where it should. */
describe('dispatching checks to partners', () => {
  const received: Received[] = [];
  const capture = (partner: string, answer: () => Response | Promise<Response>) => async ({ request }: { request: Request }) => {
    const body = await request.clone().json() as Record<string, unknown>;
    received.push({ partner, path: new URL(request.url).pathname, idempotencyKey: request.headers.get('idempotency-key'), body });
    return answer();
  };
  const server = setupServer(
    http.post(`${PARTNER_URLS.police}/check-requests`, capture('police', () => HttpResponse.json({ reference: 'POL-1' }, { status: 201 }))),
    http.post(`${PARTNER_URLS.police}/check-requests/:id/reminders`, capture('police-reminder', () => HttpResponse.json({ reference: 'POL-1' }))),
    http.post('https://*.partners.test/check-requests/:id/reminders', capture('reminder', () => HttpResponse.json({ reference: 'R' }))),
    http.post(`${PARTNER_URLS.health_gp}/check-requests`, capture('health_gp', async () => { await delay(10_000); return HttpResponse.json({ reference: 'GP-late' }); })),
    http.post(`${PARTNER_URLS.education}/check-requests`, capture('education', () => new HttpResponse('boom', { status: 500 }))),
    http.post(`${PARTNER_URLS.cp_is}/check-requests`, capture('cp_is', () => new HttpResponse('<html>thanks</html>', { status: 200, headers: { 'content-type': 'text/html' } }))),
    http.post(`${PARTNER_URLS.previous_authority}/check-requests`, capture('previous_authority', async () => { await delay('infinite'); return HttpResponse.json({}); })),
  );
  let t: TestApp;
  let contactId: string;
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    t = await createTestApp({ env: PARTNER_ENV, now: '2026-11-24T10:00:00Z' });
  }, START_UP_MS);
  afterAll(async () => { await t.close(); server.close(); });

  // A family that moved in with a plan, and a new concern (domestic abuse): pack 2026.12.1 asks for a multi-agency review
  // (domestic-abuse, prior-cp-history-new-concern) and household checks (unchecked-adult) only when there is a concern.
  const movedIn = () => quietContact({
    children: [child({ history: { cpPlanPrevious: true } })],
    adults: [{ role: 'mother', livesWithChild: true, checksCompleted: false }],
    household: { domesticAbuse: true },
    narrative: 'The mother told the school her partner has been violent to her since they moved here; the child was at home.',
    movement: { movedIntoAreaOn: '2026-11-01', previousAuthority: 'E06000055', planInPreviousAuthority: 'cin', previousAuthorityNotified: false },
  });
  const checksOf = async (id: string) => Object.fromEntries(
    (await t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', id).execute()).map((c) => [c.partner, c]));
  const actionsOf = async (id: string) =>
    (await t.deps.db.selectFrom('audit_log').select(['action', 'detail', 'actor_sub']).where('contact_id', '=', id).orderBy('seq').execute());
  async function expectContactIntact(id: string) {
    const res = await t.request('GET', `/api/v1/contacts/${id}`);
    expect(res.status).toBe(200);
    const contact = await json(res);
    expect(contact.triage.sequence).toBe(1);
    expect(contact.version).toBe(1);
    expect(contact.status).toBe('awaiting_decision');
  }

  it('nothing is sent while the contact is recorded', async () => {
    const res = await t.request('POST', '/api/v1/contacts', { body: movedIn() });
    expect(res.status).toBe(201);
    contactId = (await json(res)).id;
    expect(received).toEqual([]);
    const checks = await checksOf(contactId);
    expect(Object.keys(checks).sort()).toEqual(['cp_is', 'education', 'health_gp', 'police', 'previous_authority', 'probation']);
  });

  it('nothing is sent until a practitioner records the basis for sharing', async () => {
    await dispatchChecks(t.deps);
    expect(received).toEqual([]);
    expect(Object.values(await checksOf(contactId)).map((c) => c.status)).toEqual(Array(6).fill('awaiting_basis'));
    await releaseChecks(t, contactId);
    const checks = await checksOf(contactId);
    expect(checks.police).toMatchObject({ status: 'awaiting_dispatch', next_attempt_at: t.clock.now() });
    expect(checks.probation).toMatchObject({ status: 'send_by_hand', next_attempt_at: null });
  });

  it('success, slow, 500, malformed and no answer: each check in its state, the contact intact', async () => {
    await dispatchChecks(t.deps);
    const checks = await checksOf(contactId);
    expect(checks.police).toMatchObject({ status: 'awaiting_response', partner_reference: 'POL-1', attempts: 1, next_attempt_at: null, last_error: null });
    expect(checks.police!.dispatched_at).toEqual(t.clock.now());
    expect(checks.cp_is).toMatchObject({ status: 'awaiting_response', partner_reference: null, attempts: 1, last_error: 'acknowledgement was not JSON' });
    const retryAt = new Date(t.clock.now().getTime() + 60_000);
    expect(checks.health_gp).toMatchObject({ status: 'dispatch_failed', attempts: 1, next_attempt_at: retryAt, last_error: 'no answer: TimeoutError' });
    expect(checks.education).toMatchObject({ status: 'dispatch_failed', attempts: 1, next_attempt_at: retryAt, last_error: 'partner answered 500' });
    expect(checks.previous_authority).toMatchObject({ status: 'dispatch_failed', attempts: 1, last_error: 'no answer: TimeoutError' });
    expect(checks.probation).toMatchObject({ status: 'send_by_hand', attempts: 0 });

    const police = received.find((r) => r.partner === 'police')!;
    expect(police.idempotencyKey).toBe(checks.police!.id);
    expect(police.body).toMatchObject({ checkId: checks.police!.id, requestingAuthority: 'E06000056', callback: `/api/v1/checks/${checks.police!.id}/response` });
    // The partner is told who the people are; the trail is not.
    expect((police.body.people as { personId?: string }[])[0]!.personId).toBe('P-000001');

    await expectContactIntact(contactId);
    const trail = await actionsOf(contactId);
    expect(trail.filter((a) => a.action === 'check.dispatched').map((a) => a.detail.partner).sort()).toEqual(['cp_is', 'police']);
    expect(trail.filter((a) => a.action === 'check.dispatch_failed').map((a) => a.detail.partner).sort()).toEqual(['education', 'health_gp', 'previous_authority']);
    expect(trail.filter((a) => a.action.startsWith('check.dispatch')).every((a) => a.actor_sub === 'system:check-dispatcher')).toBe(true);
    expect(JSON.stringify(trail.map((a) => a.detail))).not.toContain('P-000001');
  });

  it('a failed check is sent again once its wait is over, not before', async () => {
    const sentBefore = received.length;
    await dispatchChecks(t.deps);
    expect(received.length).toBe(sentBefore);

    server.use(
      http.post(`${PARTNER_URLS.health_gp}/check-requests`, () => HttpResponse.json({ reference: 'GP-2' })),
      http.post(`${PARTNER_URLS.education}/check-requests`, () => HttpResponse.json({ reference: 'EDU-2' })),
      http.post(`${PARTNER_URLS.previous_authority}/check-requests`, () => HttpResponse.json({ reference: 'LA-2' })),
    );
    t.clock.advance(60_001);
    await dispatchChecks(t.deps);
    const checks = await checksOf(contactId);
    for (const partner of ['health_gp', 'education', 'previous_authority']) {
      expect(checks[partner]).toMatchObject({ status: 'awaiting_response', attempts: 2, next_attempt_at: null });
    }
    expect(checks.police!.attempts).toBe(1);
    const transfer = await t.deps.db.selectFrom('transfers').selectAll().where('contact_id', '=', contactId).executeTakeFirstOrThrow();
    expect(transfer).toMatchObject({ previous_authority_notified: true, previous_authority_notified_at: t.clock.now() });
    expect((await actionsOf(contactId)).map((a) => a.action)).toContain('transfer.previous_authority_notified');
    await expectContactIntact(contactId);
  });

  it('a partner that never takes the request is left to be asked by hand after the last attempt', async () => {
    server.use(http.post(`${PARTNER_URLS.education}/check-requests`, () => HttpResponse.error()));
    const id = (await json(await t.request('POST', '/api/v1/contacts', { body: movedIn() }))).id;
    await releaseChecks(t, id);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await dispatchChecks(t.deps);
      t.clock.advance(60_000 * 2 ** (attempt - 1) + 1);
    }
    const checks = await checksOf(id);
    expect(checks.education).toMatchObject({ status: 'send_by_hand', dispatch: 'api', attempts: 3, next_attempt_at: null });
    expect(checks.education!.last_error).toMatch(/^no answer/);
    const trail = (await actionsOf(id)).filter((a) => a.detail.partner === 'education').map((a) => a.action);
    expect(trail).toEqual(['check.requested', 'check.sharing_recorded', 'check.dispatch_failed', 'check.dispatch_failed', 'check.dispatch_abandoned']);
    await expectContactIntact(id);
  });

  it('a late check is marked overdue once, and a partner that has it is reminded after each chase interval', async () => {
    const latestDue = Math.max(...Object.values(await checksOf(contactId)).map((c) => c.due_at.getTime()));
    t.clock.set(new Date(latestDue + 60_000));
    await dispatchChecks(t.deps);
    let checks = await checksOf(contactId);
    for (const check of Object.values(checks)) expect(check.overdue_at).toEqual(t.clock.now());
    expect(checks.police).toMatchObject({ chase_count: 1, chased_at: t.clock.now() });
    expect(received.filter((r) => r.partner === 'police-reminder' && r.body.checkId === checks.police!.id).map((r) => r.path))
      .toEqual([`/api/check-requests/${checks.police!.id}/reminders`]);
    expect(checks.probation).toMatchObject({ chase_count: 0, status: 'send_by_hand' });

    await dispatchChecks(t.deps);
    t.clock.advance(4 * 3_600_000 + 1);
    await dispatchChecks(t.deps);
    checks = await checksOf(contactId);
    expect(checks.police!.chase_count).toBe(2);
    const trail = await actionsOf(contactId);
    expect(trail.filter((a) => a.action === 'check.overdue')).toHaveLength(6);
    expect(trail.filter((a) => a.action === 'check.chased' && a.detail.partner === 'police').map((a) => a.detail.reminder)).toEqual([1, 2]);
    await expectContactIntact(contactId);
  });
});
