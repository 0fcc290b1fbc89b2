import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact } from '../../fixtures/contacts.js';
import { createTestApp, OTHER_LA, storedCounts, type TestApp } from '../../support/test-app.js';

describe('contacts: who may do what', () => {
  let t: TestApp;
  let contactId: string;
  beforeAll(async () => {
    t = await createTestApp();
    contactId = (await (await t.request('POST', '/api/v1/contacts', { body: quietContact() })).json()).id;
  });
  afterAll(async () => { await t.close(); });

  it('no token is 401 with a Bearer challenge', async () => {
    const res = await t.request('POST', '/api/v1/contacts', { body: quietContact(), token: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect((await res.json()).type).toBe('urn:mash-triage:problem:unauthenticated');
  });

  it('a token signed with another secret is 401', async () => {
    const forged = (await t.token('screener')).replace(/\.[^.]+$/, '.c2lnbmF0dXJl');
    expect((await t.request('GET', `/api/v1/contacts/${contactId}`, { token: forged })).status).toBe(401);
  });

  it('only a screener records contacts', async () => {
    const before = await storedCounts(t.deps);
    for (const role of ['manager', 'auditor', 'admin'] as const) {
      const res = await t.request('POST', '/api/v1/contacts', { role, body: quietContact() });
      expect(res.status, role).toBe(403);
    }
    expect(await storedCounts(t.deps)).toEqual(before);
  });

  it('another authority’s contact is 404, never 403, and its existence is not revealed', async () => {
    const res = await t.request('GET', `/api/v1/contacts/${contactId}`, { role: 'manager', la: OTHER_LA });
    expect(res.status).toBe(404);
    const missing = await t.request('GET', '/api/v1/contacts/con_00000000000000000000000000', { role: 'manager', la: OTHER_LA });
    expect(await res.json()).toMatchObject({ detail: expect.stringContaining('was not found') });
    expect(missing.status).toBe(404);
  });

  it('an admin may not read casework', async () => {
    expect((await t.request('GET', `/api/v1/contacts/${contactId}`, { role: 'admin' })).status).toBe(403);
  });

  it('operational routes need no token; the API does', async () => {
    expect((await t.request('GET', '/healthz', { token: null })).status).toBe(200);
    expect((await t.request('GET', '/readyz', { token: null })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/rules', { token: null })).status).toBe(401);
  });
});
