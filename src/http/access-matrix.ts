import { ROLES, type Role } from '../schemas/codes.js';

export const PUBLIC = 'public';
export type Access = typeof PUBLIC | readonly Role[];

/**
 * Who may call each route, one line per route (method and OpenAPI path).
 * Under /api/v1 a route missing here is refused to everyone (403), so a new
 * route is closed until someone decides who may use it. The domain verbs check
 * roles again; another authority's records are hidden by the verbs (404).
 */
export const ACCESS_MATRIX: Readonly<Record<string, Access>> = {
  'GET /healthz': PUBLIC,
  'GET /readyz': PUBLIC,
  'GET /openapi.json': PUBLIC,
  'GET /docs': PUBLIC,
  'POST /api/v1/contacts': ['screener'],
  'GET /api/v1/contacts/{id}': ['screener', 'manager', 'auditor'],
  'GET /api/v1/rules': ROLES,
  'GET /api/v1/rules/doc': ROLES,
  'POST /api/v1/rules/replays': ['admin'],
  'GET /api/v1/users/{sub}/sessions': ['admin'],
  'DELETE /api/v1/users/{sub}/sessions': ['admin'],
  'DELETE /api/v1/users/{sub}/sessions/{id}': ['admin'],
  'POST /api/v1/contacts/{id}/decision': ['screener'],
  'POST /api/v1/contacts/{id}/review': ['manager'],
  'POST /api/v1/contacts/{id}/close': ['screener', 'manager'],
  'GET /api/v1/reviews': ['manager'],
  'GET /api/v1/contacts/{id}/trail': ['manager', 'auditor'],
  'GET /api/v1/contacts/{id}/near-misses': ['manager', 'auditor'],
  'GET /api/v1/contacts/{id}/replay': ['auditor'],
  'GET /api/v1/audit/verify': ['auditor'],
  'GET /api/v1/audit/checkpoint': ['manager', 'auditor'],
  'GET /api/v1/audit/proofs/inclusion': ['manager', 'auditor'],
  'GET /api/v1/audit/proofs/consistency': ['manager', 'auditor'],
  'GET /api/v1/audit/samples': ['auditor'],
  'GET /api/v1/oversight/summary': ['manager', 'auditor'],
  'GET /api/v1/checks': ['screener', 'manager'],
  'POST /api/v1/checks/{id}/response': ['screener', 'admin'],
  'POST /api/v1/checks/{id}/sharing': ['screener', 'manager'],
  'POST /api/v1/contacts/{id}/disclosures': ['screener', 'manager'],
  'GET /api/v1/contacts/{id}/sharing': ['screener', 'manager', 'auditor'],
  'POST /api/v1/contacts/{id}/family-explanation/draft': ['screener', 'manager'],
  'POST /api/v1/contacts/{id}/family-explanations': ['screener', 'manager'],
  'GET /api/v1/contacts/{id}/family-explanations': ['screener', 'manager', 'auditor'],
  'GET /api/v1/subject-access/{personId}': ['manager', 'auditor'],
  'GET /api/v1/transfers': ['screener', 'manager'],
  // The acknowledging authority's system (admin) or either authority's staff; the verb tells the two apart.
  'POST /api/v1/transfers/{id}/acknowledgement': ['screener', 'manager', 'admin'],
  'GET /api/v1/referrer-feedback': ['screener', 'manager'],
  'POST /api/v1/referrer-feedback/{id}/sent': ['screener'],
  'POST /api/v1/teams': ['manager'],
  'GET /api/v1/teams': ['screener', 'manager'],
  'PUT /api/v1/teams/{id}': ['manager'],
  'POST /api/v1/second-screens/draws': ['manager', 'admin'],
  'GET /api/v1/second-screens': ['screener', 'manager'],
  'GET /api/v1/second-screens/{id}': ['screener', 'manager'],
  'POST /api/v1/second-screens/{id}/screen': ['screener'],
  'POST /api/v1/second-screens/{id}/settlement': ['manager'],
  'POST /api/v1/practice-contacts': ['manager', 'admin'],
  'GET /api/v1/practice-contacts': ['manager'],
  'POST /api/v1/calibration/exercises': ['manager'],
  'GET /api/v1/calibration/exercises': ['screener', 'manager'],
  'GET /api/v1/calibration/exercises/{id}': ['screener', 'manager'],
  'POST /api/v1/calibration/exercises/{id}/answers': ['screener'],
  'POST /api/v1/calibration/exercises/{id}/close': ['manager'],
  'GET /api/v1/calibration/exercises/{id}/results': ['screener', 'manager'],
  'GET /api/v1/calibration/trend': ['screener', 'manager'],
  'GET /api/v1/screening-outcomes': ['manager', 'auditor'],
  'GET /api/v1/screeners/{sub}/reflection': ['screener', 'manager'],
};

/** `GET /api/v1/contacts/{id}` from a method and a Hono path (`/api/v1/contacts/:id`). */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}')}`;
}

export function accessTo(method: string, path: string): Access | undefined {
  return ACCESS_MATRIX[routeKey(method, path)];
}
