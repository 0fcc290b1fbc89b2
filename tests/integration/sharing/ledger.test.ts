import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact } from '../../fixtures/contacts.js';
import { json, PARTNER_ENV, START_UP_MS } from '../../support/partners.js';
import { webSession } from '../../support/second-opinions.js';
import { WITH_CONSENT, WITHOUT_CONSENT } from '../../support/sharing.js';
import { createTestApp, OTHER_LA, type TestApp } from '../../support/test-app.js';

/** The information-sharing ledger: no check leaves, and no answer is taken, without a lawful basis and consent position. */
describe('information-sharing ledger', () => {
  let t: TestApp;
  let contactId: string;
  const checkOf = async (partner: string) =>
    t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', contactId).where('partner', '=', partner).executeTakeFirstOrThrow();
  const trail = () => t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', contactId).orderBy('chain_index').execute();
  const ledger = () => t.deps.db.selectFrom('information_sharing').selectAll().where('contact_id', '=', contactId).orderBy('recorded_at').execute();

  beforeAll(async () => {
    t = await createTestApp({ env: PARTNER_ENV, now: '2026-11-24T10:00:00Z' });
    // An unchecked adult and a push at the gate: household checks to police, probation and the GP.
    const res = await t.request('POST', '/api/v1/contacts', { body: quietContact({
      adults: [{ role: 'mother', livesWithChild: true, checksCompleted: false }],
      concerns: ['18C'],
      narrative: 'Staff saw the mother push the child hard against the school gate at pick-up; no injury was seen.',
    }) });
    expect(res.status).toBe(201);
    contactId = (await json(res)).id;
  }, START_UP_MS);
  afterAll(async () => { await t.close(); });

  describe('error', () => {
    it('an answer to a check with no basis recorded is 422 naming /sharing, and changes nothing', async () => {
      const probation = await checkOf('probation');
      expect(probation.status).toBe('awaiting_basis');
      const before = (await trail()).length;
      const res = await t.request('POST', `/api/v1/checks/${probation.id}/response`, { body: { respondent: { organisation: 'Probation' }, summary: 'Not known.' } });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const problem = await json(res);
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['/sharing']);
      expect(problem.errors[0].message).toMatch(/required/);
      expect(await checkOf('probation')).toMatchObject({ status: 'awaiting_basis', response: null });
      expect(await trail()).toHaveLength(before);
      expect(await ledger()).toEqual([]);
    });

    it('a basis without its lawful basis, or without agreement and without a reason, is 422 naming the field', async () => {
      const police = await checkOf('police');
      const { lawfulBasis: _, ...noBasis } = WITHOUT_CONSENT;
      const missing = await t.request('POST', `/api/v1/checks/${police.id}/sharing`, { body: noBasis });
      expect(missing.status).toBe(422);
      expect((await json(missing)).errors.map((e: { path: string }) => e.path)).toEqual(['/lawfulBasis']);
      const { withoutConsentReason: __, ...noReason } = WITHOUT_CONSENT;
      const unexplained = await t.request('POST', `/api/v1/checks/${police.id}/sharing`, { body: noReason });
      expect(unexplained.status).toBe(422);
      expect((await json(unexplained)).errors).toEqual([{ path: '/withoutConsentReason', message: 'is required when consent is not_sought' }]);
      const future = await t.request('POST', `/api/v1/checks/${police.id}/sharing`, { body: { ...WITHOUT_CONSENT, decidedAt: '2026-11-25T10:00:00Z' } });
      expect(future.status).toBe(422);
      expect((await json(future)).errors[0].path).toBe('/decidedAt');
      expect(await checkOf('police')).toMatchObject({ status: 'awaiting_basis', next_attempt_at: null });
      expect(await ledger()).toEqual([]);
    });
  });

  describe('happy', () => {
    it('recording the basis releases the check, writes the ledger and the trail in one go', async () => {
      const police = await checkOf('police');
      const res = await t.request('POST', `/api/v1/checks/${police.id}/sharing`, { body: { ...WITHOUT_CONSENT, decidedBy: 'Team manager on duty', decidedAt: '2026-11-24T09:55:00Z' } });
      expect(res.status).toBe(200);
      const view = await json(res);
      expect(view).toMatchObject({
        id: police.id, status: 'awaiting_dispatch',
        sharing: { kind: 'check', partner: 'police', lawfulBasis: 'public_task', consent: 'not_sought', withoutConsentReason: 'prejudice_crime',
          decidedBy: 'Team manager on duty', decidedAt: '2026-11-24T09:55:00.000Z', recordedBy: 'screener-1' },
      });
      const [row] = await ledger();
      expect(row).toMatchObject({ check_id: police.id, lawful_basis: 'public_task', special_category_condition: 'safeguarding_children', rationale: WITHOUT_CONSENT.rationale });
      const entry = (await trail()).find((a) => a.action === 'check.sharing_recorded')!;
      expect(entry.detail).toMatchObject({ sharingId: row!.id, checkId: police.id, partner: 'police', consent: 'not_sought', withoutConsentReason: 'prejudice_crime', decidedBy: 'Team manager on duty' });
      // The rationale is the decider's own words about the family: it stays in the ledger, not the long-kept trail.
      expect(JSON.stringify(entry.detail)).not.toContain('Police are investigating');
    });

    it('a check made by hand carries its basis with the answer', async () => {
      const probation = await checkOf('probation');
      const res = await t.request('POST', `/api/v1/checks/${probation.id}/response`, {
        body: { respondent: { organisation: 'Probation' }, summary: 'Not known.', receivedVia: 'phone', sharing: WITH_CONSENT },
      });
      expect(res.status).toBe(200);
      const { check } = await json(res);
      expect(check).toMatchObject({ status: 'responded', sharing: { consent: 'given', withoutConsentReason: null, partner: 'probation' } });
      expect((await checkOf('probation')).response).not.toHaveProperty('sharing');
      const actions = (await trail()).map((a) => a.action);
      expect(actions.indexOf('check.sharing_recorded', actions.indexOf('check.sharing_recorded') + 1)).toBeLessThan(actions.indexOf('check.responded'));
    });

    it('a disclosure is recorded with its basis; the ledger lists both kinds, oldest first', async () => {
      t.clock.advance(60_000);
      const res = await t.request('POST', `/api/v1/contacts/${contactId}/disclosures`, {
        role: 'manager', body: { partner: 'education', shared: 'That a referral was received and is being assessed', sharing: WITH_CONSENT },
      });
      expect(res.status).toBe(201);
      expect(await json(res)).toMatchObject({ kind: 'disclosure', partner: 'education', checkId: null, recordedBy: 'manager-1' });
      expect((await trail()).at(-1)).toMatchObject({ action: 'contact.disclosed', actor_role: 'manager' });
      const list = await json(await t.request('GET', `/api/v1/contacts/${contactId}/sharing`, { role: 'auditor' }));
      expect(list.records.map((r: { kind: string; partner: string }) => `${r.kind}:${r.partner}`)).toEqual(['check:police', 'check:probation', 'disclosure:education']);
    });

    it('the checks list shows each check’s basis, or none while it awaits one', async () => {
      const { checks } = await json(await t.request('GET', `/api/v1/checks?status=all&contactId=${contactId}`));
      const byPartner = Object.fromEntries(checks.map((c: { partner: string }) => [c.partner, c]));
      expect(byPartner.police.sharing.consent).toBe('not_sought');
      expect(byPartner.health_gp).toMatchObject({ status: 'awaiting_basis', sharing: null });
    });
  });

  describe('shown', () => {
    it('the oversight summary gives the share of checks made without agreement, by partner, with the reasons', async () => {
      const res = await t.request('GET', '/api/v1/oversight/summary?from=2026-11-24&to=2026-11-24', { role: 'manager' });
      expect(res.status).toBe(200);
      const { informationSharing: figures } = await json(res);
      expect(figures).toMatchObject({ checks: 2, withoutConsent: { count: 1, total: 2, share: 0.5 }, refused: { count: 0 } });
      expect(figures.reasons.prejudice_crime.count).toBe(1);
      const police = figures.byPartner.find((p: { partner: string }) => p.partner === 'police');
      expect(police).toMatchObject({ withoutConsent: { count: 1, total: 1, share: 1 }, reasons: { prejudice_crime: { count: 1 }, risk_to_child: { count: 0 } } });
      expect(figures.byPartner.find((p: { partner: string }) => p.partner === 'probation').withoutConsent).toMatchObject({ count: 0, total: 1 });
    });

    it('the contact page lists the ledger and the trail page says the basis of each', async () => {
      const { cookie } = await webSession(t, 'manager', 'manager-1');
      const page = await (await t.app.request(`/contacts/${contactId}`, { headers: { cookie } })).text();
      expect(page).toContain('Information sharing');
      expect(page).toContain('Seeking agreement would prejudice the prevention, detection or prosecution of a crime');
      expect(page).toContain('Team manager on duty');
      expect(page).toContain('disclosure: That a referral was received and is being assessed');
      const trailPage = await (await t.app.request(`/contacts/${contactId}/trail`, { headers: { cookie } })).text();
      // Each partner by the name the authority's settings give it, not its code.
      const { police, probation } = t.deps.checks.partners.partners;
      expect(trailPage).toContain(`${police.name}: UK GDPR Article 6(1)(e): public task; Agreement not sought`);
      expect(trailPage).toContain(`${probation.name}: UK GDPR Article 6(1)(e): public task; Agreement sought and given; decided by screener-1`);
    });
  });

  describe('error after the fact', () => {
    it('a second basis for the same check is 409; a basis sent with an answer to a released check is 422', async () => {
      const police = await checkOf('police');
      expect((await t.request('POST', `/api/v1/checks/${police.id}/sharing`, { body: WITH_CONSENT })).status).toBe(409);
      const res = await t.request('POST', `/api/v1/checks/${police.id}/response`, { body: { respondent: { organisation: 'Police' }, summary: 'Nothing held.', sharing: WITH_CONSENT } });
      expect(res.status).toBe(422);
      expect((await json(res)).errors[0].path).toBe('/sharing');
      expect(await ledger()).toHaveLength(3);
    });
  });

  describe('security', () => {
    it('an auditor may not record a basis (403); another authority cannot see the check or the contact (404)', async () => {
      const gp = await checkOf('health_gp');
      expect((await t.request('POST', `/api/v1/checks/${gp.id}/sharing`, { role: 'auditor', body: WITH_CONSENT })).status).toBe(403);
      expect((await t.request('POST', `/api/v1/checks/${gp.id}/sharing`, { la: OTHER_LA, body: WITH_CONSENT })).status).toBe(404);
      expect((await t.request('GET', `/api/v1/contacts/${contactId}/sharing`, { la: OTHER_LA })).status).toBe(404);
      expect((await t.request('POST', `/api/v1/contacts/${contactId}/disclosures`, { role: 'auditor', body: { partner: 'police', shared: 'x', sharing: WITH_CONSENT } })).status).toBe(403);
      expect((await checkOf('health_gp')).status).toBe('awaiting_basis');
    });
  });
});
