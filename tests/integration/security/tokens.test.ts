import { generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact } from '../../fixtures/contacts.js';
import { createTestApp, HOME_LA, storedCounts, TEST_SECRET, type TestApp } from '../../support/test-app.js';

const secret = new TextEncoder().encode(TEST_SECRET);
const now = () => Math.floor(Date.now() / 1000);

function claims(overrides: JWTPayload = {}, omit: string[] = []): JWTPayload {
  const all: JWTPayload = { sub: 'screener-1', role: 'screener', la: HOME_LA, iss: 'mash-triage', aud: 'mash-triage', iat: now(), exp: now() + 3600, ...overrides };
  for (const name of omit) delete all[name];
  return all;
}

const hs256 = (payload: JWTPayload, key: Uint8Array = secret) => new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);

/** Each way a token can be wrong, minted with jose; every one is 401 and lets nothing through. */
const BAD_TOKENS: Record<string, () => Promise<string>> = {
  'expired': () => hs256(claims({ iat: now() - 7200, exp: now() - 60 })),
  'not yet valid (nbf in the future)': () => hs256(claims({ nbf: now() + 600 })),
  'wrong audience': () => hs256(claims({ aud: 'another-service' })),
  'wrong issuer': () => hs256(claims({ iss: 'https://issuer.example' })),
  'alg none': async () => new UnsecuredJWT(claims()).encode(),
  'alg none with a signature appended': async () => `${new UnsecuredJWT(claims()).encode()}c2ln`,
  'HS512 with the right secret': () => new SignJWT(claims()).setProtectedHeader({ alg: 'HS512' }).sign(secret),
  'RS256 with its own key': async () => {
    const { privateKey } = await generateKeyPair('RS256');
    return new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
  },
  'bad signature (another secret)': () => hs256(claims(), new TextEncoder().encode('another-secret-that-is-long-enough-for-hs256')),
  'tampered payload': async () => {
    const [header, , signature] = (await hs256(claims())).split('.');
    const payload = Buffer.from(JSON.stringify(claims({ role: 'admin' }))).toString('base64url');
    return `${header}.${payload}.${signature}`;
  },
  'missing sub': () => hs256(claims({}, ['sub'])),
  'missing role': () => hs256(claims({}, ['role'])),
  'missing la': () => hs256(claims({}, ['la'])),
  'missing exp': () => hs256(claims({}, ['exp'])),
  'unknown role': () => hs256(claims({ role: 'superuser' })),
  'malformed la': () => hs256(claims({ la: 'Portsmouth' })),
  'not a JWT': async () => 'not-a-token',
};

describe('bearer tokens', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('a well-formed token is accepted (the control case)', async () => {
    expect((await t.request('GET', '/api/v1/rules', { token: await hs256(claims()) })).status).toBe(200);
  });

  for (const [name, mint] of Object.entries(BAD_TOKENS)) {
    it(`${name}: 401, and nothing stored`, async () => {
      const token = await mint();
      const read = await t.request('GET', '/api/v1/rules', { token });
      expect(read.status).toBe(401);
      expect(read.headers.get('www-authenticate')).toBe('Bearer');
      expect(await read.json()).toMatchObject({ type: 'urn:mash-triage:problem:unauthenticated', status: 401 });

      const before = await storedCounts(t.deps);
      const write = await t.request('POST', '/api/v1/contacts', { token, body: quietContact() });
      expect(write.status).toBe(401);
      expect(await storedCounts(t.deps)).toEqual(before);
    });
  }
});
