import { describe, expect, it } from 'vitest';
import { mapClaims } from '../../src/auth/claim-mapping.js';
import { loadConfig, parseRoleMap } from '../../src/config.js';

const mapping = { roleClaim: 'groups', authorityClaim: 'ons_code', roles: { 'MASH-Screeners': 'screener', 'MASH-Managers': 'manager', 'MASH-Admins': 'admin' } } as const;

describe('the provider’s claims give one role and one authority, or none', () => {
  it('maps a list, a single string or a space-separated string of groups; other groups are ignored', () => {
    for (const groups of [['All-Staff', 'MASH-Managers'], 'MASH-Managers', 'All-Staff MASH-Managers']) {
      expect(mapClaims({ sub: 'maya', groups, ons_code: 'E06000056' }, mapping)).toEqual({ ok: true, actor: { sub: 'maya', role: 'manager', la: 'E06000056' } });
    }
  });

  it('refuses no mapped role, two roles, and a missing, malformed or doubled authority', () => {
    expect(mapClaims({ sub: 'a', groups: ['Finance'], ons_code: 'E06000056' }, mapping)).toMatchObject({ ok: false, reason: 'no-role', la: 'E06000056' });
    expect(mapClaims({ sub: 'a', ons_code: 'E06000056' }, mapping)).toMatchObject({ ok: false, reason: 'no-role' });
    expect(mapClaims({ sub: 'a', groups: ['MASH-Screeners', 'MASH-Admins'], ons_code: 'E06000056' }, mapping)).toMatchObject({ ok: false, reason: 'several-roles' });
    for (const ons_code of [undefined, 'Cornwall', ['E06000056', 'E06000055'], 42]) {
      expect(mapClaims({ sub: 'a', groups: 'MASH-Screeners', ons_code }, mapping)).toMatchObject({ ok: false, reason: 'no-authority', la: null });
    }
  });

  it('a group named like an object property gives no role', () => {
    expect(mapClaims({ sub: 'a', groups: ['constructor', '__proto__', 'toString'], ons_code: 'E06000056' }, mapping)).toMatchObject({ ok: false, reason: 'no-role' });
  });

  it('reads MASH_OIDC_ROLE_MAP as provider-value=role pairs, and says what is wrong with a bad one', () => {
    // A value may hold '=' (the role is after the last one), not a comma.
    expect(parseRoleMap(' MASH-Screeners = screener , cn=MASH-Managers=manager ')).toEqual({ 'MASH-Screeners': 'screener', 'cn=MASH-Managers': 'manager' });
    expect(parseRoleMap('Staff=superuser')).toMatch(/not provider-value=role/);
    expect(parseRoleMap('')).toMatch(/at least one/);
    expect(loadConfig({ MASH_JWT_SECRET: 'x'.repeat(32), MASH_OIDC_ROLE_MAP: 'a=screener' }).oidc).toBeUndefined();
  });
});
