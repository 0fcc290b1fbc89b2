import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact } from '../../fixtures/contacts.js';
import type { ContactInput } from '../../../src/schemas/contact.schema.js';
import { json, PARTNER_ENV, START_UP_MS } from '../../support/partners.js';
import { releaseChecks } from '../../support/sharing.js';
import { createTestApp, OTHER_LA, type TestApp } from '../../support/test-app.js';

/** Answers to checks: stored with who gave them and when, and a new triage when they change the picture. */
describe('POST /api/v1/checks/{id}/response', () => {
  const server = setupServer();
  let t: TestApp;
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    t = await createTestApp({ env: PARTNER_ENV, now: '2026-11-24T10:00:00Z' });
  }, START_UP_MS);
  afterAll(async () => { await t.close(); server.close(); });

  /**
   * A six-year-old tells school that the mother's unchecked partner smacks him. Under pack 2026.12.1 that is physical
   * punishment with no aggravation: household checks only (unchecked-adult: police, probation, GP), early help. A child
   * protection history then makes the disclosure a strategy matter (physical-abuse-disclosure), which brings the
   * multi-agency review; an unchecked adult with no concern would raise nothing at all.
   */
  const disclosing = (personId = 'P-000001') => child({ personId, disclosure: true, disclosureKind: 'physical', disclosureAbout: 'household_member' });
  const uncheckedAdult = (overrides: Partial<ContactInput> = {}) => quietContact({
    children: [disclosing()],
    adults: [{ role: 'mother', livesWithChild: true, checksCompleted: false }, { role: 'partner', livesWithChild: true, checksCompleted: false, allegedPerpetrator: true }],
    physicalPunishmentReported: true,
    narrative: 'The child told his teacher that his mum’s partner smacks him when he is naughty; no mark was seen.',
    ...overrides,
  });
  async function record(body: ContactInput) {
    const res = await t.request('POST', '/api/v1/contacts', { body });
    expect(res.status).toBe(201);
    const contact = await json(res);
    await releaseChecks(t, contact.id);
    const checks = await t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', contact.id).execute();
    const people = await t.deps.db.selectFrom('contact_children').select('id').where('contact_id', '=', contact.id).orderBy('position').execute();
    const adults = await t.deps.db.selectFrom('contact_adults').select('id').where('contact_id', '=', contact.id).orderBy('position').execute();
    return { contact, check: (partner: string) => checks.find((c) => c.partner === partner)!, childIds: people.map((p) => p.id), adultIds: adults.map((a) => a.id) };
  }
  const answer = (checkId: string, body: unknown, role: 'screener' | 'admin' | 'manager' | 'auditor' = 'screener', la?: string) =>
    t.request('POST', `/api/v1/checks/${checkId}/response`, { body, role, ...(la ? { la } : {}) });
  const triagesOf = (contactId: string) => t.deps.db.selectFrom('triages').selectAll().where('contact_id', '=', contactId).orderBy('sequence').execute();
  const trailOf = (contactId: string) => t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', contactId).orderBy('seq').execute();

  describe('happy', () => {
    it('an answer with nothing new is stored with who gave it and when, and the triage stands', async () => {
      const { contact, check } = await record(uncheckedAdult());
      t.clock.advance(90 * 60_000);
      const res = await answer(check('probation').id, {
        respondedAt: '2026-11-24T10:30:00Z', receivedVia: 'phone', noInformationHeld: true,
        respondent: { organisation: 'Probation Service', role: 'Duty officer', name: 'Alex Duty' }, summary: 'Neither adult is known to probation.',
      });
      expect(res.status).toBe(200);
      const body = await json(res);
      expect(body.retriage).toBeNull();
      expect(body.check).toMatchObject({ status: 'responded', overdue: false, responseChannel: 'phone', responseRecordedBy: 'screener-1', respondedAt: '2026-11-24T10:30:00.000Z' });

      const stored = await t.deps.db.selectFrom('checks').selectAll().where('id', '=', check('probation').id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ status: 'responded', response_channel: 'phone', response_recorded_by: 'screener-1', retriage_id: null });
      expect(stored.response).toMatchObject({ respondent: { organisation: 'Probation Service', name: 'Alex Duty' }, summary: 'Neither adult is known to probation.' });
      expect(await triagesOf(contact.id)).toHaveLength(1);

      const trail = await trailOf(contact.id);
      const responded = trail.find((a) => a.action === 'check.responded')!;
      expect(responded).toMatchObject({ actor_sub: 'screener-1', actor_role: 'screener' });
      expect(responded.detail).toMatchObject({ checkId: check('probation').id, partner: 'probation', channel: 'phone', noInformationHeld: true, retriageId: null });
      expect(JSON.stringify(responded.detail)).not.toContain('Alex Duty');
      expect(trail.map((a) => a.action)).not.toContain('contact.retriaged');
    });

    it('a current CP plan re-triages: a second triage is appended, the first kept, and the answer says what changed', async () => {
      const { contact, check, childIds } = await record(uncheckedAdult());
      const first = (await triagesOf(contact.id))[0]!;
      const res = await answer(check('police').id, {
        respondent: { organisation: 'Police' }, summary: 'The child is on a CP plan in our records.',
        findings: [{ person: childIds[0], cpPlanCurrent: true }],
      }, 'admin');
      expect(res.status).toBe(200);
      const body = await json(res);
      expect(body.check.responseChannel).toBe('partner_api');
      expect(body.retriage.triage.sequence).toBe(2);
      expect(body.retriage.changes.priority).toEqual({ before: first.priority, after: body.retriage.triage.priority });
      expect(body.retriage.changes.promptsGained).toEqual(expect.arrayContaining(['inform_allocated_worker', 'multi_agency_review', 'manager_signoff_before_nfa']));
      expect(body.retriage.changes.promptsLost).toEqual([]);
      expect(body.retriage.changes.factsChanged).toEqual(expect.arrayContaining([{ fact: 'cpPlanCurrent', before: false, after: true }]));

      const triages = await triagesOf(contact.id);
      expect(triages.map((x) => x.sequence)).toEqual([1, 2]);
      expect(triages[0]).toEqual(first);
      expect(triages[1]!.facts).toMatchObject({ cpPlanCurrent: true, openCase: true });
      const read = await json(await t.request('GET', `/api/v1/contacts/${contact.id}`));
      expect(read.triage.sequence).toBe(2);
      expect(read.version).toBe(2);
      expect(read.children[0].history.cpPlanCurrent).toBe(false);

      // The review the new picture asks for goes to the partners not yet asked; those already asked are not asked twice.
      const checks = await t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', contact.id).execute();
      expect(checks.map((c) => c.partner).sort()).toEqual(['cp_is', 'education', 'health_gp', 'police', 'probation']);
      const added = checks.filter((c) => ['cp_is', 'education'].includes(c.partner));
      // Checks a retriage opens wait for their own basis, like the first ones.
      expect(added.every((c) => c.priority === body.retriage.triage.priority && c.status === 'awaiting_basis')).toBe(true);
      const requested = (await trailOf(contact.id)).filter((a) => a.action === 'check.requested').map((a) => a.detail.partner);
      expect(requested.sort()).toEqual(['cp_is', 'education', 'health_gp', 'police', 'probation']);

      const retriaged = (await trailOf(contact.id)).find((a) => a.action === 'contact.retriaged')!;
      expect(retriaged.detail).toMatchObject({ triageId: triages[1]!.id, sequence: 2, cause: { checkId: check('police').id } });
      expect(retriaged.actor_role).toBe('admin');
    });

    it('a violent adult in the household re-triages an unborn child’s contact into a pre-birth assessment', async () => {
      // The mother is pregnant; the school reports the partner's physical punishment of her six-year-old (no disclosure, so
      // no strategy discussion). No pre-birth risk factor is known until the police answer (pre-birth-risk needs one).
      const { contact, check, adultIds } = await record(uncheckedAdult({
        children: [child(), child({ personId: 'P-UNBORN', dateOfBirth: null, expectedDateOfBirth: '2027-03-01', givenName: null, mobility: null, communicates: null })],
        narrative: 'The mother, who is pregnant, told staff her partner smacks her son when he is naughty; no mark was seen.',
      }));
      expect(contact.triage.prompts.map((p: { action: string }) => p.action)).not.toContain('pre_birth_assessment');
      const body = await json(await answer(check('police').id, {
        respondent: { organisation: 'Police' }, summary: 'The partner has convictions for assault.',
        findings: [{ person: adultIds[1], violenceHistory: true }],
      }));
      expect(body.retriage.changes.promptsGained).toContain('pre_birth_assessment');
      expect(body.retriage.changes.factsChanged).toEqual(expect.arrayContaining([{ fact: 'adultViolenceHistory', before: false, after: true }]));
    });

    it('an earlier injury counts as an earlier concern, and findings add up across answers', async () => {
      await record(quietContact({ receivedAt: '2026-06-01T10:00:00Z', children: [child({ personId: 'P-INJ' })] }));
      const { contact, check, childIds, adultIds } = await record(uncheckedAdult({ children: [disclosing('P-INJ')] }));
      expect(contact.triage.facts.priorContactsLast12Months).toBe(1);
      const gp = await json(await answer(check('health_gp').id, {
        respondent: { organisation: 'GP practice' }, summary: 'Seen in A&E in August with a burn to the hand.',
        findings: [{ person: childIds[0], previousInjury: true }],
      }));
      expect(gp.retriage.changes.factsChanged).toEqual(expect.arrayContaining([{ fact: 'priorContactsLast12Months', before: 1, after: 2 }]));
      expect(gp.retriage.changes.promptsGained).toContain('multi_agency_review');

      const police = await json(await answer(check('police').id, {
        respondent: { organisation: 'Police' }, summary: 'Partner known for violence.', findings: [{ person: adultIds[1], violenceHistory: true }],
      }));
      expect(police.retriage.triage.sequence).toBe(3);
      expect(police.retriage.triage.facts).toMatchObject({ priorContactsLast12Months: 2, adultViolenceHistory: true });
      expect(police.retriage.changes.priority.before).toBe(gp.retriage.triage.priority);
    });
  });

  describe('error', () => {
    it('a second answer to the same check is 409 and changes nothing', async () => {
      const { contact, check } = await record(uncheckedAdult());
      expect((await answer(check('probation').id, { respondent: { organisation: 'Probation' }, summary: 'Not known.' })).status).toBe(200);
      const before = (await trailOf(contact.id)).length;
      const res = await answer(check('probation').id, { respondent: { organisation: 'Probation' }, summary: 'Again.' });
      expect(res.status).toBe(409);
      expect((await trailOf(contact.id)).length).toBe(before);
    });

    it('findings about someone the check does not name, or of the wrong kind, are 422', async () => {
      const { check, childIds, adultIds } = await record(uncheckedAdult());
      const stranger = await answer(check('police').id, { respondent: { organisation: 'Police' }, summary: 'x', findings: [{ person: 'chd_0000000000000000000000000a', cpPlanCurrent: true }] });
      expect(stranger.status).toBe(422);
      expect((await json(stranger)).errors[0].path).toBe('/findings/0/person');
      const wrongKind = await answer(check('police').id, { respondent: { organisation: 'Police' }, summary: 'x', findings: [{ person: adultIds[0], cpPlanCurrent: true }, { person: childIds[0], violenceHistory: true }] });
      expect(wrongKind.status).toBe(422);
      expect((await json(wrongKind)).errors.map((e: { path: string }) => e.path)).toEqual(['/findings/0/cpPlanCurrent', '/findings/1/violenceHistory']);
      const future = await answer(check('police').id, { respondent: { organisation: 'Police' }, summary: 'x', respondedAt: '2026-12-24T10:00:00Z' });
      expect(future.status).toBe(422);
      const stored = await t.deps.db.selectFrom('checks').select('status').where('id', '=', check('police').id).executeTakeFirstOrThrow();
      expect(stored.status).toBe('awaiting_dispatch');
    });
  });

  describe('security', () => {
    it('another authority cannot see the check (404); a manager or auditor may not answer it (403)', async () => {
      const { check } = await record(uncheckedAdult());
      const body = { respondent: { organisation: 'Police' }, summary: 'x' };
      expect((await answer(check('police').id, body, 'screener', OTHER_LA)).status).toBe(404);
      expect((await answer(check('police').id, body, 'admin', OTHER_LA)).status).toBe(404);
      expect((await answer(check('police').id, body, 'manager')).status).toBe(403);
      expect((await answer(check('police').id, body, 'auditor')).status).toBe(403);
      expect((await t.request('POST', `/api/v1/checks/${check('police').id}/response`, { body, token: null })).status).toBe(401);
    });
  });
});
