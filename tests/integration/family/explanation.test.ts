import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact } from '../../fixtures/contacts.js';
import { decide, recordContact } from '../../support/decisions.js';
import { webSession } from '../../support/second-opinions.js';
import { json, PARTNER_ENV, START_UP_MS } from '../../support/partners.js';
import { WITHOUT_CONSENT } from '../../support/sharing.js';
import { createTestApp, OTHER_LA, type TestApp } from '../../support/test-app.js';

/** Planted in the contact; none may reach the family. */
const PLANTED = {
  referrerName: 'Ottoline Brackenbury',
  referrerRelationship: 'Neighbour at number fourteen',
  otherAdultName: 'Radomir Fenwick-Oyelaran',
  otherAdultDob: '1987-04-23',
  partnerNarrative: 'Known to police for a 2019 assault on a former partner; bail conditions forbid contact with the mother.',
  notForFamily: 'Police are planning to arrest Mr Fenwick-Oyelaran next week',
};

describe('the family explanation', () => {
  let t: TestApp;
  let contactId: string;
  beforeAll(async () => {
    t = await createTestApp({ env: PARTNER_ENV, now: '2026-11-24T10:00:00Z' });
    const contact = await recordContact(t, quietContact({
      referrer: { source: '1B', name: PLANTED.referrerName, relationshipToChild: PLANTED.referrerRelationship, spokenToDirectly: true },
      children: [child()],
      adults: [{ role: 'mother', livesWithChild: true, checksCompleted: false }, { role: 'partner', livesWithChild: true, checksCompleted: false, allegedPerpetrator: true }],
      physicalPunishmentReported: true,
      narrative: `The neighbour heard the mother's new partner ${PLANTED.otherAdultName} (born ${PLANTED.otherAdultDob}) shouting and a child crying late at night.`,
    }));
    contactId = contact.id;
    const police = await t.deps.db.selectFrom('checks').select('id').where('contact_id', '=', contactId).where('partner', '=', 'police').executeTakeFirstOrThrow();
    const answered = await t.request('POST', `/api/v1/checks/${police.id}/response`, {
      body: { respondent: { organisation: 'Police', name: 'DC Imogen Strathairn' }, summary: PLANTED.partnerNarrative, sharing: WITHOUT_CONSENT },
    });
    expect(answered.status).toBe(200);
    const fresh = await json(await t.request('GET', `/api/v1/contacts/${contactId}`));
    const decided = await decide(t, fresh, { outcome: 'assessment_s17' });
    expect(decided.status).toBe(201);
  }, START_UP_MS);
  afterAll(async () => { await t.close(); });

  const draft = async (body: Record<string, unknown> = {}) =>
    t.request('POST', `/api/v1/contacts/${contactId}/family-explanation/draft`, { body: { audience: 'parent_carer', notForFamily: [PLANTED.notForFamily], ...body } });
  const leaks = (text: string) => [PLANTED.referrerName, 'Brackenbury', 'number fourteen', 'Fenwick', PLANTED.otherAdultDob, '23/04/1987',
    'bail conditions', 'DC Imogen', 'arrest', 'shouting'].filter((s) => text.toLowerCase().includes(s.toLowerCase()));

  describe('happy', () => {
    it('the draft says what was decided in plain words, measures its reading age, and carries nothing planted', async () => {
      const res = await draft();
      expect(res.status).toBe(200);
      const body = await json(res);
      expect(leaks(body.text)).toEqual([]);
      expect(body.text).toMatch(/^Dear parent or carer,/);
      expect(body.text).toContain('Someone got in touch with us on Tuesday 24 November 2026');
      expect(body.text).toContain('extra help');
      expect(body.text).toContain('make a complaint');
      expect(body.readability.readingAge).toBeLessThanOrEqual(12);
      expect(body.readability).toMatchObject({ withinTarget: true });
      expect(body.withheld.map((w: { kind: string }) => w.kind)).toEqual(expect.arrayContaining(['referrer', 'record', 'partner', 'not_for_family']));
      expect(JSON.stringify(body.withheld)).not.toContain('Brackenbury');
      const child = await json(await draft({ audience: 'child' }));
      expect(child.text).toMatch(/^Hello,/);
      expect(child.text).toContain('They were worried about you.');
      expect(leaks(child.text)).toEqual([]);
    });

    it('the practitioner’s edit is kept with the decision and the trail records it without the text', async () => {
      const { text } = await json(await draft());
      const edited = `${text}\n\nI will phone you on Thursday to talk about this.`;
      const res = await t.request('POST', `/api/v1/contacts/${contactId}/family-explanations`, { body: { audience: 'parent_carer', text: edited, notForFamily: [PLANTED.notForFamily] } });
      expect(res.status).toBe(201);
      const sent = await json(res);
      expect(sent).toMatchObject({ text: edited, edited: true, sentBy: 'screener-1', notForFamily: [PLANTED.notForFamily], referrerNamed: false });
      const decision = await t.deps.db.selectFrom('decisions').select('id').where('contact_id', '=', contactId).executeTakeFirstOrThrow();
      expect(sent.decisionId).toBe(decision.id);
      const entry = await t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', contactId).where('action', '=', 'contact.family_explanation_sent').executeTakeFirstOrThrow();
      expect(entry.detail).toMatchObject({ explanationId: sent.id, decisionId: decision.id, edited: true, readingAge: sent.readability.readingAge });
      expect(JSON.stringify(entry.detail)).not.toContain('phone you');
      const list = await json(await t.request('GET', `/api/v1/contacts/${contactId}/family-explanations`, { role: 'auditor' }));
      expect(list.explanations.map((e: { id: string }) => e.id)).toEqual([sent.id]);
    });
  });

  describe('pages', () => {
    it('the practitioner previews with the reading age, a leak is shown as an error, and the kept letter prints alone', async () => {
      const { cookie, csrf } = await webSession(t, 'screener', 'screener-1');
      const preview = await t.app.request(`/contacts/${contactId}/family-explanation?audience=child`, { headers: { cookie } });
      expect(preview.status).toBe(200);
      const html = await preview.text();
      expect(html).toContain('Reading age about');
      expect(html).toContain('marked by the screener as not for the family');
      expect(leaks(html.replace(/<textarea[\s\S]*?<\/textarea>/g, ''))).toEqual([]);
      const post = (text: string) => t.app.request(`/contacts/${contactId}/family-explanation`, {
        method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf, audience: 'child', text, notForFamily: '' }).toString(),
      });
      const refused = await post(`Hello. ${PLANTED.referrerName} told us.`);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('gives away the referrer’s name');
      const sent = await post('Hello, we talked about what happens next. A social worker will visit you soon.');
      expect(sent.status).toBe(303);
      const letter = await (await t.app.request(sent.headers.get('location')!, { headers: { cookie } })).text();
      expect(letter).toContain('<div class="app-letter">Hello, we talked about what happens next.');
      expect(letter).toContain('/ui/family-print.css');
      const css = await t.app.request('/ui/family-print.css');
      expect(await css.text()).toMatch(/@media print[\s\S]*\.app-no-print/);
    });
  });

  describe('error', () => {
    it.each([
      ['the referrer’s name', `${PLANTED.referrerName} told us about this.`],
      ['another adult’s name and date of birth', 'We know Radomir Fenwick-Oyelaran was born on 1987-04-23 and we are worried.'],
      ['a partner’s answer', 'The police told us: bail conditions forbid contact with the mother. That worries us.'],
      ['a note not for the family', 'Police are planning to arrest Mr Fenwick-Oyelaran next week, so please stay calm.'],
    ])('an edit that gives away %s is 422 on /text and nothing is kept', async (_what, planted) => {
      const { text } = await json(await draft());
      const before = (await t.deps.db.selectFrom('family_explanations').select('id').execute()).length;
      const res = await t.request('POST', `/api/v1/contacts/${contactId}/family-explanations`, { body: { audience: 'parent_carer', text: `${text}\n\n${planted}`, notForFamily: [] } });
      expect(res.status).toBe(422);
      const problem = await json(res);
      expect(problem.errors.every((e: { path: string }) => e.path === '/text')).toBe(true);
      expect(JSON.stringify(problem)).not.toMatch(/Brackenbury|Fenwick|bail|arrest/);
      expect((await t.deps.db.selectFrom('family_explanations').select('id').execute()).length).toBe(before);
    });

    it('a contact with no decision that stands cannot be explained yet (409)', async () => {
      const open = await recordContact(t, quietContact());
      expect((await t.request('POST', `/api/v1/contacts/${open.id}/family-explanation/draft`, { body: { audience: 'parent_carer' } })).status).toBe(409);
    });
  });

  describe('subject access', () => {
    it('the child’s export holds their own record and what was decided, with the referrer, other adults and the partner’s answer redacted and listed', async () => {
      const res = await t.request('GET', '/api/v1/subject-access/P-000001', { role: 'auditor', sub: 'auditor-1' });
      expect(res.status).toBe(200);
      const sar = await json(res);
      const text = JSON.stringify(sar.contacts);
      expect(leaks(text)).toEqual([]);
      expect(text).not.toContain('Neighbour');
      const mine = sar.contacts.find((c: { contactId: string }) => c.contactId === contactId);
      expect(mine.you[0]).toMatchObject({ kind: 'child', personId: 'P-000001', givenName: 'Sam', dateOfBirth: '2020-09-01' });
      expect(mine.decisions[0]).toMatchObject({ outcome: 'assessment_s17', rationale: '[redacted]' });
      expect(mine.informationSharing[0]).toMatchObject({ partner: 'police', consent: 'not_sought', withoutConsentReason: 'prejudice_crime' });
      expect(mine.lettersToTheFamily.length).toBeGreaterThan(0);
      const fields = sar.redactions.filter((r: { contactId: string }) => r.contactId === contactId).map((r: { field: string }) => r.field.replace(`/contacts/${contactId}`, ''));
      expect(fields).toEqual(expect.arrayContaining(['/referrer', '/narrative', '/adults/0', '/adults/1', '/checks/police/response', '/decisions/1/rationale']));
      expect(sar.redactions.every((r: { reason: string; basis: string }) => r.reason.length > 0 && r.basis.startsWith('DPA 2018'))).toBe(true);
      const produced = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'subject_access.produced').executeTakeFirstOrThrow();
      expect(produced).toMatchObject({ actor_sub: 'auditor-1', contact_id: null });
      expect(produced.detail).toMatchObject({ exportId: sar.id, redactions: sar.redactions.length });
      expect((produced.detail as { contactIds: string[] }).contactIds).toContain(contactId);
      expect(JSON.stringify(produced.detail)).not.toContain('P-000001');
    });

    it('prints as a page with the redaction schedule; a screener may not produce one, and an unknown person is 404', async () => {
      const { cookie } = await webSession(t, 'manager', 'manager-1');
      const page = await (await t.app.request('/subject-access/P-000001', { headers: { cookie } })).text();
      expect(page).toContain('What we hold about P-000001');
      expect(page).toContain('Redactions, for the reviewer');
      expect(leaks(page)).toEqual([]);
      expect((await t.request('GET', '/api/v1/subject-access/P-000001', { role: 'screener' })).status).toBe(403);
      expect((await t.request('GET', '/api/v1/subject-access/P-nobody', { role: 'manager' })).status).toBe(404);
      expect((await t.request('GET', '/api/v1/subject-access/P-000001', { role: 'manager', la: OTHER_LA })).status).toBe(404);
    });
  });

  describe('security', () => {
    it('an auditor may not send one; another authority cannot see the contact', async () => {
      expect((await t.request('POST', `/api/v1/contacts/${contactId}/family-explanations`, { role: 'auditor', body: { audience: 'child', text: 'Hello, this is a letter for you.' } })).status).toBe(403);
      expect((await t.request('POST', `/api/v1/contacts/${contactId}/family-explanation/draft`, { la: OTHER_LA, body: { audience: 'child' } })).status).toBe(404);
    });
  });
});
