import { describe, expect, it } from 'vitest';
import { ACCESS_MATRIX } from '../../../src/http/access-matrix.js';
import { ROLES } from '../../../src/schemas/codes.js';
import { NAV } from '../../../src/web/layout.js';
import { mayOpen, PAGE_ACCESS } from '../../../src/web/page-access.js';
import { HOME } from '../../../src/web/sign-in/routes.js';

describe('pages each role is offered and may open', () => {
  it('offers in each role’s menu only pages that role may open, and sends each role home to one', () => {
    for (const role of ROLES) {
      const refused = (NAV[role] ?? []).filter((item) => !mayOpen(role, item.href)).map((item) => item.href);
      expect(refused, `${role}'s menu`).toEqual([]);
      expect(mayOpen(role, HOME[role]), `${role}'s home ${HOME[role]}`).toBe(true);
    }
  });

  it('refuses a screener the audit, oversight, trail and review pages, as the API does', () => {
    for (const path of ['/audit', '/audit/sample.csv', '/oversight', '/screening-outcomes', '/contacts/con_1/trail', '/reviews', '/reviews/con_1', '/teams', '/subject-access/per_1']) {
      expect(mayOpen('screener', path), path).toBe(false);
    }
    for (const path of ['/contacts/new', '/contacts', '/contacts/con_1', '/second-screens', '/calibration/cal_1', '/my-practice', '/rules']) {
      expect(mayOpen('screener', path), path).toBe(true);
    }
  });

  it('refuses an auditor the pages that record, decide or list contacts, and a manager the audit sample', () => {
    for (const path of ['/contacts/new', '/contacts', '/reviews', '/second-screens', '/calibration', '/teams', '/my-practice']) expect(mayOpen('auditor', path), path).toBe(false);
    for (const path of ['/audit', '/oversight', '/contacts/con_1', '/contacts/con_1/trail', '/screening-outcomes', '/subject-access/per_1']) expect(mayOpen('auditor', path), path).toBe(true);
    expect(mayOpen('manager', '/audit')).toBe(false);
    expect(mayOpen('manager', '/contacts/new')).toBe(false);
    for (const path of ['/oversight', '/reviews/con_1', '/contacts/con_1/trail', '/teams/team_1', '/screeners/anna']) expect(mayOpen('manager', path), path).toBe(true);
  });

  it('takes each page’s roles from the API route it stands on', () => {
    const oversight = PAGE_ACCESS.find((p) => p.path === '/oversight');
    expect(oversight?.roles).toEqual(ACCESS_MATRIX['GET /api/v1/oversight/summary']);
    const trail = PAGE_ACCESS.find((p) => p.path === '/contacts/:id/trail');
    expect(trail?.roles).toEqual(ACCESS_MATRIX['GET /api/v1/contacts/{id}/trail']);
  });
});
