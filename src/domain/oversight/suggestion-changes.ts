import type { PeriodDecisionRow } from '../../db/repositories/oversight.repo.js';
import type { Route, Urgency } from '../../schemas/codes.js';
import { responseChanges } from '../decisions/departures.js';
import { shareCell, type ShareCell } from './cells.js';

interface Ways { changed: number; raised: number; lowered: number; across: number }
interface Counts { decisions: number; changed: number; route: Ways; urgency: Ways }

const ways = (): Ways => ({ changed: 0, raised: 0, lowered: 0, across: 0 });
const empty = (): Counts => ({ decisions: 0, changed: 0, route: ways(), urgency: ways() });

function cells(c: Counts) {
  const of = (n: number): ShareCell => shareCell(n, c.decisions);
  return {
    decisions: c.decisions,
    changed: of(c.changed),
    route: { changed: of(c.route.changed), raised: of(c.route.raised), lowered: of(c.route.lowered), across: of(c.route.across) },
    // Every urgency has its own rank, so an urgency is never changed across.
    urgency: { changed: of(c.urgency.changed), raised: of(c.urgency.raised), lowered: of(c.urgency.lowered) },
  };
}

/**
 * How often screeners change the route and urgency the triage suggested,
 * which way, and who: of the period's decisions on triages that suggested
 * them (decisions on older triages have nothing to change and are left out).
 */
export function suggestionChanges(decisions: readonly PeriodDecisionRow[]) {
  const all = empty();
  const byScreener = new Map<string, Counts>();
  let withoutSuggestion = 0;
  for (const d of decisions) {
    if (d.suggested_route === null || d.suggested_urgency === null || d.route === null || d.urgency === null) {
      withoutSuggestion++;
      continue;
    }
    const changes = responseChanges(
      { route: d.suggested_route as Route, urgency: d.suggested_urgency as Urgency },
      { route: d.route as Route, urgency: d.urgency as Urgency },
    );
    const mine = byScreener.get(d.decided_by) ?? empty();
    byScreener.set(d.decided_by, mine);
    for (const counts of [all, mine]) {
      counts.decisions++;
      if (changes.length > 0) counts.changed++;
      for (const change of changes) {
        const side = change.kind === 'route_changed' ? counts.route : counts.urgency;
        side.changed++;
        side[change.direction]++;
      }
    }
  }
  return {
    ...cells(all),
    withoutSuggestion,
    byScreener: [...byScreener].sort(([a], [b]) => a.localeCompare(b)).map(([screener, counts]) => ({ screener, ...cells(counts) })),
  };
}
