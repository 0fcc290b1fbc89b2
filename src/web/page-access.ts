import { ACCESS_MATRIX } from '../http/access-matrix.js';
import { ROLES, type Role } from '../schemas/codes.js';

/**
 * Who may use each page that not every role may, taken from the API route the
 * page stands on (the access matrix), so that a page is offered and opened to
 * exactly the roles the server lets do what the page is for. A page nobody in
 * a role can use is neither in that role's menu nor opened to it: a screener is
 * not shown the audit form only to be refused when it is sent.
 */
const PAGES: readonly { paths: readonly string[]; api: string }[] = [
  { paths: ['/contacts/new'], api: 'POST /api/v1/contacts' },
  { paths: ['/contacts/:id/trail'], api: 'GET /api/v1/contacts/{id}/trail' },
  { paths: ['/reviews', '/reviews/*'], api: 'GET /api/v1/reviews' },
  { paths: ['/audit', '/audit/*'], api: 'GET /api/v1/audit/samples' },
  { paths: ['/oversight'], api: 'GET /api/v1/oversight/summary' },
  { paths: ['/screening-outcomes'], api: 'GET /api/v1/screening-outcomes' },
  { paths: ['/second-screens', '/second-screens/*'], api: 'GET /api/v1/second-screens' },
  { paths: ['/calibration', '/calibration/*'], api: 'GET /api/v1/calibration/exercises' },
  // The page is for forming and changing teams; a screener may list them through the API, but cannot use the page.
  { paths: ['/teams', '/teams/*'], api: 'POST /api/v1/teams' },
  { paths: ['/my-practice', '/screeners/*'], api: 'GET /api/v1/screeners/{sub}/reflection' },
  { paths: ['/subject-access/*'], api: 'GET /api/v1/subject-access/{personId}' },
  { paths: ['/rules'], api: 'GET /api/v1/rules' },
  { paths: ['/sessions', '/sessions/*'], api: 'GET /api/v1/users/{sub}/sessions' },
];

/** The list of contacts has no API route of its own; the verb (listContacts) allows these. */
const CONTACT_LIST: readonly Role[] = ['screener', 'manager'];

const rolesOf = (api: string): readonly Role[] => {
  const access = ACCESS_MATRIX[api];
  if (access === undefined) throw new Error(`No access rule for ${api}`);
  return access === 'public' ? ROLES : access;
};

/** Each guarded page pattern (Hono's path syntax) with the roles that may open it. */
export const PAGE_ACCESS: readonly { path: string; roles: readonly Role[] }[] = [
  ...PAGES.flatMap(({ paths, api }) => paths.map((path) => ({ path, roles: rolesOf(api) }))),
  { path: '/contacts', roles: CONTACT_LIST },
];

const patternOf = (path: string) =>
  new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+').replace(/\/\*$/, '/.+')}$`);

/** The page patterns compiled once at start-up, not on every menu item of every page drawn. */
const COMPILED = PAGE_ACCESS.map((rule) => ({ pattern: patternOf(rule.path), roles: rule.roles }));

/** Whether a role may open the page at this path (without its query); pages not listed are open to anyone signed in. */
export function mayOpen(role: Role, path: string): boolean {
  const rule = COMPILED.find((p) => p.pattern.test(path));
  return rule === undefined || rule.roles.includes(role);
}
