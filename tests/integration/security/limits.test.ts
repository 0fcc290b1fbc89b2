import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact } from '../../fixtures/contacts.js';
import { createTestApp, storedCounts, type TestApp } from '../../support/test-app.js';

const BODY_LIMIT = 4096;

/** Rate limit, body size, secure headers and CORS: the edges a hostile or broken client meets first. */
describe('limits and headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { MASH_RATE_LIMIT_PER_MINUTE: '3', MASH_BODY_LIMIT_BYTES: String(BODY_LIMIT) } });
  });
  afterAll(async () => { await t.close(); });

  it('a user over the rate limit gets 429 with Retry-After; another user is unaffected', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.request('GET', '/api/v1/rules', { sub: 'busy-user' })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await t.request('GET', '/api/v1/rules', { sub: 'busy-user' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ type: 'urn:mash-triage:problem:rate-limited', status: 429 });
    expect((await t.request('GET', '/api/v1/rules', { sub: 'calm-user' })).status).toBe(200);
  });

  it('a rate-limited write stores nothing', async () => {
    for (let i = 0; i < 3; i++) await t.request('GET', '/api/v1/rules', { sub: 'writer' });
    const before = await storedCounts(t.deps);
    expect((await t.request('POST', '/api/v1/contacts', { sub: 'writer', body: quietContact() })).status).toBe(429);
    expect(await storedCounts(t.deps)).toEqual(before);
  });

  async function expectTooLarge(res: Response) {
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ type: 'urn:mash-triage:problem:too-large', status: 413 });
  }

  it('a body over the limit is 413 with Content-Length', async () => {
    const before = await storedCounts(t.deps);
    const body = JSON.stringify({ ...quietContact(), narrative: 'x'.repeat(BODY_LIMIT) });
    const res = await t.app.request('/api/v1/contacts', {
      method: 'POST', body,
      headers: { authorization: `Bearer ${await t.token('screener', { sub: 'big-1' })}`, 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    await expectTooLarge(res);
    expect(await storedCounts(t.deps)).toEqual(before);
  });

  it('a chunked body over the limit is 413, though it declares no length', async () => {
    const before = await storedCounts(t.deps);
    const chunk = new TextEncoder().encode(`{"narrative":"${'x'.repeat(1000)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request('http://localhost/api/v1/contacts', {
      method: 'POST', body: stream, duplex: 'half',
      headers: { authorization: `Bearer ${await t.token('screener', { sub: 'big-2' })}`, 'content-type': 'application/json' },
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    await expectTooLarge(await t.app.request(request));
    expect(sent).toBeLessThan(10);
    expect(await storedCounts(t.deps)).toEqual(before);
  });

  it('a chunked body within the limit is read whole', async () => {
    const text = JSON.stringify(quietContact());
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(text);
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.slice(i, i + 100));
        controller.close();
      },
    });
    const res = await t.app.request(new Request('http://localhost/api/v1/contacts', {
      method: 'POST', body: stream, duplex: 'half',
      headers: { authorization: `Bearer ${await t.token('screener', { sub: 'chunky' })}`, 'content-type': 'application/json' },
    } as RequestInit));
    expect(res.status).toBe(201);
  });

  it('every response carries the secure headers, errors included', async () => {
    const answers = [
      await t.request('GET', '/healthz', { token: null }),
      await t.request('GET', '/docs', { token: null }),
      await t.request('GET', '/api/v1/rules', { sub: 'headers-1' }),
      await t.request('GET', '/api/v1/rules', { token: null }),
      await t.request('GET', '/api/v1/contacts/con_00000000000000000000000000', { sub: 'headers-2' }),
      await t.request('POST', '/api/v1/contacts', { sub: 'headers-3', body: { narrative: 'incomplete' } }),
      await t.request('GET', '/no-such-route', { token: null }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 401, 404, 422, 404]);
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('CORS is closed: no Access-Control-Allow-Origin, not even to a preflight', async () => {
    const origin = { origin: 'https://evil.example' };
    const preflight = await t.request('OPTIONS', '/api/v1/contacts', {
      token: null, headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    const simple = await t.request('GET', '/api/v1/rules', { sub: 'cors-1', headers: origin });
    const open = await t.request('GET', '/healthz', { token: null, headers: origin });
    expect(simple.status).toBe(200);
    for (const res of [preflight, simple, open]) {
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('access-control-allow-methods')).toBeNull();
    }
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });
});
