import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact } from '../../fixtures/contacts.js';
import { createTestApp, storedCounts, type TestApp } from '../../support/test-app.js';

/** Each class of bad input: a 4xx problem naming the field, and nothing stored. */
describe('POST /api/v1/contacts: bad input', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ env: { MASH_BODY_LIMIT_BYTES: '65536' } }); });
  afterAll(async () => { await t.close(); });

  async function expectRefused(body: unknown, status: number, path?: string) {
    const before = await storedCounts(t.deps);
    const res = await t.request('POST', '/api/v1/contacts', { body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({ status, instance: '/api/v1/contacts' });
    expect(problem.type).toMatch(/^urn:mash-triage:problem:/);
    expect(problem.requestId).toBe(res.headers.get('x-request-id'));
    expect(typeof problem.detail).toBe('string');
    if (path) expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await storedCounts(t.deps)).toEqual(before);
    return problem;
  }

  it('malformed JSON is 400', async () => {
    await expectRefused('{"receivedAt": "2026-11-24T10:00:00Z", ', 400);
  });

  it('a wrong type names the field', async () => {
    await expectRefused({ ...quietContact(), immediateDanger: 'yes' }, 422, '/immediateDanger');
  });

  it('an unknown code is refused', async () => {
    await expectRefused(quietContact({ referrer: { source: '11' as never } }), 422, '/referrer/source');
    await expectRefused(quietContact({ concerns: ['18A' as never] }), 422, '/concerns/0');
  });

  it('an unknown field is refused, not ignored', async () => {
    const problem = await expectRefused({ ...quietContact(), priority: 'green' }, 422, '/priority');
    expect(problem.errors[0].message).toMatch(/not a field/);
  });

  it('a date of birth after the contact was received', async () => {
    await expectRefused(quietContact({ children: [child({ dateOfBirth: '2026-12-01' })] }), 422, '/children/0/dateOfBirth');
  });

  it('an impossible calendar date', async () => {
    await expectRefused(quietContact({ children: [child({ dateOfBirth: '2021-02-30' })] }), 422, '/children/0/dateOfBirth');
  });

  it('an expected date of birth more than 40 weeks ahead', async () => {
    await expectRefused(quietContact({ children: [child({ dateOfBirth: null, expectedDateOfBirth: '2027-09-15' })] }), 422, '/children/0/expectedDateOfBirth');
  });

  it('a child with neither date of birth nor expected date', async () => {
    await expectRefused(quietContact({ children: [child({ dateOfBirth: null })] }), 422, '/children/0/dateOfBirth');
  });

  it('no children, or more than twenty', async () => {
    await expectRefused(quietContact({ children: [] }), 422, '/children');
    await expectRefused(quietContact({ children: Array.from({ length: 21 }, () => child()) }), 422, '/children');
  });

  it('an over-long narrative', async () => {
    await expectRefused(quietContact({ narrative: 'x'.repeat(20_001) }), 422, '/narrative');
  });

  it('a missing required field', async () => {
    const { narrative: _n, ...withoutNarrative } = quietContact();
    await expectRefused(withoutNarrative, 422, '/narrative');
  });

  it('an NHS number that fails its check digit', async () => {
    await expectRefused(quietContact({ children: [child({ nhsNumber: '9434765918' })] }), 422, '/children/0/nhsNumber');
  });

  it('a contact received in the future', async () => {
    await expectRefused(quietContact({ receivedAt: '2027-01-01T09:00:00Z' }), 422, '/receivedAt');
  });

  it('an oversized body is 413', async () => {
    await expectRefused({ ...quietContact(), filler: 'x'.repeat(70_000) }, 413);
  });

  it('every field error is reported at once', async () => {
    const problem = await expectRefused({ ...quietContact(), channel: 'fax', children: [child({ mobility: 'running' as never, sex: 'X' as never })] }, 422);
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/channel', '/children/0/mobility', '/children/0/sex']);
  });
});

describe('POST /api/v1/contacts: errors reported together', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('a child without a date of birth is reported alongside errors elsewhere in the contact', async () => {
    const { narrative: _n, ...body } = quietContact({ children: [child({ dateOfBirth: null })] });
    const res = await t.request('POST', '/api/v1/contacts', { body: { ...body, channel: 'fax' } });
    expect(res.status).toBe(422);
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/narrative', '/channel', '/children/0/dateOfBirth']));
  });
});
