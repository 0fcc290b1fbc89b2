import type { Route, Urgency } from '../../schemas/codes.js';
import type { DecisionInput } from '../../schemas/decision.schema.js';
import type { FieldError } from '../errors.js';
import { responseChanges, type ResponseChange } from './departures.js';

export interface FinalResponse { route: Route | null; urgency: Urgency | null; departures: ResponseChange[] }

/**
 * The route and urgency a decision stands on: the triage's suggestion
 * unless the screener changes it, with a reason. A triage made without a
 * response table suggests none, and none can be given against it. Problems
 * are added to `errors` as JSON pointers.
 */
export function finalResponse(suggested: { route: Route | null; urgency: Urgency | null }, input: DecisionInput, errors: FieldError[]): FinalResponse {
  if (suggested.route === null || suggested.urgency === null) {
    for (const field of ['route', 'urgency', 'routeChangeReason'] as const) {
      if (input[field]) errors.push({ path: `/${field}`, message: 'this contact’s triage suggests no route or urgency (its rule set has no response table), so there is none to change' });
    }
    return { route: null, urgency: null, departures: [] };
  }
  const final = { route: input.route ?? suggested.route, urgency: input.urgency ?? suggested.urgency };
  const departures = responseChanges({ route: suggested.route, urgency: suggested.urgency }, final);
  if (departures.length > 0 && !input.routeChangeReason) {
    const changes = departures.map((d) => `${d.kind === 'route_changed' ? 'route' : 'urgency'} ${d.from} to ${d.to}`);
    errors.push({ path: '/routeChangeReason', message: `you changed the triage’s suggestion (${changes.join('; ')}): say why` });
  }
  if (departures.length === 0 && input.routeChangeReason) {
    errors.push({ path: '/routeChangeReason', message: 'the route and urgency are the triage’s suggestion: there is no change to explain' });
  }
  return { ...final, departures };
}
