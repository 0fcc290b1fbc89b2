import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact } from '../../fixtures/contacts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * The audit trail is kept for decades and read by auditors outside the case:
 * it refers to people by id and to the triage by its facts, never by name,
 * NHS number, date of birth or the referrer's words.
 */
const PLANTED = {
  childGivenName: 'Zephyrine',
  childFamilyName: 'Quillfeather',
  siblingGivenName: 'Balthazar',
  nhsNumber: '4010232137',
  siblingNhsNumber: '4857773457',
  dateOfBirth: '2019-03-17',
  siblingDateOfBirth: '2025-12-02',
  referrerName: 'Ottoline Brackenbury',
  organisation: 'Larkspur Close Surgery',
  relationship: 'Neighbour at number fourteen',
  narrative: 'Mrs Quillfeather shouted that Zephyrine deserved the marks on her arm from the belt buckle.',
};

describe('the audit trail carries no personal identifiers', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('after recording, reading, replaying, explaining and checking a contact full of them', async () => {
    const contact = quietContact({
      referrer: { source: '1B', name: PLANTED.referrerName, organisation: PLANTED.organisation, relationshipToChild: PLANTED.relationship, spokenToDirectly: true },
      children: [
        child({ personId: 'P-PII-1', givenName: PLANTED.childGivenName, familyName: PLANTED.childFamilyName, nhsNumber: PLANTED.nhsNumber, dateOfBirth: PLANTED.dateOfBirth,
          injuries: [{ type: 'bruise', sites: ['upper_arm'], pattern: ['implement'], explanation: 'Zephyrine walked into a door', explanationAssessment: 'implausible' }] }),
        child({ personId: 'P-PII-2', givenName: PLANTED.siblingGivenName, familyName: PLANTED.childFamilyName, nhsNumber: PLANTED.siblingNhsNumber, dateOfBirth: PLANTED.siblingDateOfBirth, mobility: 'not_independently_mobile', communicates: false }),
      ],
      concerns: ['18B'],
      physicalPunishmentReported: true,
      narrative: PLANTED.narrative,
    });
    const created = await t.request('POST', '/api/v1/contacts', { body: contact });
    expect(created.status).toBe(201);
    const { id } = await created.json() as { id: string };
    for (const role of ['screener', 'manager', 'auditor'] as const) {
      expect((await t.request('GET', `/api/v1/contacts/${id}`, { role })).status).toBe(200);
    }
    expect((await t.request('GET', `/api/v1/contacts/${id}/replay`, { role: 'auditor' })).status).toBe(200);
    expect((await t.request('GET', `/api/v1/contacts/${id}/near-misses`, { role: 'manager' })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/audit/verify', { role: 'auditor' })).status).toBe(200);

    const rows = await t.deps.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    // Partner checks and the transfer opened at recording are in the trail too, and scanned with the rest.
    expect(rows.filter((r) => !/^(check|transfer)\./.test(r.action)).map((r) => r.action)).toEqual(['contact.recorded', 'contact.triaged', 'contact.read', 'contact.read', 'contact.read', 'contact.replayed', 'contact.read', 'audit.verified']);
    const trail = JSON.stringify(rows).toLowerCase();
    const needles = [
      ...Object.values(PLANTED),
      PLANTED.nhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3'),
      '17/03/2019', 'deserved the marks', 'belt buckle', 'walked into a door', 'Brackenbury', 'Larkspur',
    ];
    for (const needle of needles) expect(trail, `audit trail contains "${needle}"`).not.toContain(needle.toLowerCase());
    // What it does carry: ids and facts, with children described by position and age.
    expect(rows[0]!.detail).toMatchObject({ children: [expect.stringMatching(/^chd_/), expect.stringMatching(/^chd_/)] });
    expect(rows[1]!.detail).toMatchObject({ facts: expect.objectContaining({ childCount: 2, speakableChildren: ['child 1 (7 years 8 months)'] }) });
  });
});
