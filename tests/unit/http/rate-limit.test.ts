import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../src/http/env.js';
import { rateLimit } from '../../../src/http/middleware/rate-limit.js';

describe('rate limit token bucket', () => {
  it('refills at the configured rate, per user', async () => {
    let now = 0;
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => { c.set('actor', { sub: c.req.header('x-sub')!, role: 'screener', la: 'E06000056' }); await next(); });
    app.use('*', rateLimit({ perMinute: 6 }, () => now));
    app.get('/', (c) => c.text('ok'));
    app.onError((error, c) => c.text(String((error as { retryAfterSeconds?: number }).retryAfterSeconds), 429));
    const get = async (sub = 'a') => (await app.request('/', { headers: { 'x-sub': sub } })).status;

    for (let i = 0; i < 6; i++) expect(await get()).toBe(200);
    const limited = await app.request('/', { headers: { 'x-sub': 'a' } });
    expect([limited.status, await limited.text()]).toEqual([429, '10']);
    expect(await get('b')).toBe(200);
    now += 9_999;
    expect(await get()).toBe(429);
    now += 1;
    expect(await get()).toBe(200);
    now += 10 * 60_000;
    for (let i = 0; i < 6; i++) expect(await get()).toBe(200);
    expect(await get()).toBe(429);
  });
});
