import { countPeriodReviews, listPeriodChildren, listPeriodContacts, listPeriodDecisions, type Period } from '../../db/repositories/oversight.repo.js';
import { addCalendarDays, isWorkingDay, zonedInstant, type WorkingCalendar } from '../../lib/working-days.js';
import type { OversightQuery } from '../../schemas/oversight.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { SMALL_NUMBER } from './cells.js';
import { listPeriodCheckSharing } from '../../db/repositories/sharing.repo.js';
import { sharingWithoutConsent } from './sharing-shares.js';
import { contactCounts, managerRates, nfaShares, overrideByRule, recontactAfterNfa, screenerRates } from './summarise.js';
import { suggestionChanges } from './suggestion-changes.js';

function countWorkingDays(from: string, to: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) if (isWorkingDay(day, calendar)) count++;
  return count;
}

/**
 * The authority's oversight figures for a period of local dates (both
 * inclusive): contacts received in it, decisions and reviews made in it.
 * Small numbers are shown and marked, never hidden.
 */
export async function summariseOversight({ ctx, query }: { ctx: VerbContext; query: OversightQuery }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager', 'auditor'], 'read the oversight summary');
  const { calendar } = deps.settings.forAuthority(actor.la);
  const period: Period = {
    la: actor.la,
    from: zonedInstant(query.from, '00:00', calendar.timeZone),
    to: zonedInstant(addCalendarDays(query.to, 1), '00:00', calendar.timeZone),
  };
  const workingDays = countWorkingDays(query.from, query.to, calendar);
  // One snapshot: every figure is read from the same state of the data.
  const { contacts, children, decisions, reviews, sharing } = await deps.db.transaction().execute(async (tx) => {
    const [contacts, children, decisions, reviews, sharing] = await Promise.all([
      listPeriodContacts(tx, period), listPeriodChildren(tx, period), listPeriodDecisions(tx, period), countPeriodReviews(tx, period),
      listPeriodCheckSharing(tx, period.la, period.from, period.to),
    ]);
    return { contacts, children, decisions, reviews, sharing };
  });
  return {
    localAuthority: actor.la,
    from: query.from,
    to: query.to,
    asOf: deps.clock.now().toISOString(),
    workingDays,
    smallNumberThreshold: SMALL_NUMBER,
    contacts: contactCounts(contacts),
    nfa: nfaShares(contacts, children),
    recontactWithin12MonthsOfNfa: recontactAfterNfa(contacts),
    overrideRateByRule: overrideByRule(decisions),
    screeners: screenerRates(decisions, workingDays),
    suggestionChanges: suggestionChanges(decisions),
    managers: managerRates(reviews, workingDays),
    informationSharing: sharingWithoutConsent(sharing),
  };
}

export type OversightSummary = Awaited<ReturnType<typeof summariseOversight>>;
