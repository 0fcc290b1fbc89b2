import { listClosedNoAction, teamsOfScreeners } from '../../db/repositories/screening-outcomes.repo.js';
import { addCalendarDays, zonedInstant } from '../../lib/working-days.js';
import type { OversightQuery } from '../../schemas/oversight.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { SMALL_NUMBER } from '../oversight/cells.js';
import { cameBack, NO_TEAM, overridesBorneOut, recontactBy, WINDOWS } from './screening-outcomes.js';
import { present } from '../../lib/one-of.js';

/**
 * What became of contacts closed with no further action or advice in a
 * period: how many families came back within six and twelve months, by the
 * rules that fired, the prompts declined, the screener and the team, beside
 * the national re-referral rate; and whether each declined prompt was borne
 * out. Small numbers are shown and marked, as in oversight.
 */
export async function summariseScreeningOutcomes({ ctx, query }: { ctx: VerbContext; query: OversightQuery }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager', 'auditor'], 'read screening outcomes');
  const { calendar, values } = deps.settings.forAuthority(actor.la);
  const now = deps.clock.now();
  const period = {
    la: actor.la,
    from: zonedInstant(query.from, '00:00', calendar.timeZone),
    to: zonedInstant(addCalendarDays(query.to, 1), '00:00', calendar.timeZone),
  };
  const [rows, teams] = await deps.db.transaction().execute(async (tx) => Promise.all([listClosedNoAction(tx, period), teamsOfScreeners(tx, actor.la)]));
  const overall = present(recontactBy(rows, () => ['all'], now, ['all'])[0], 'overall figures');
  return {
    localAuthority: actor.la,
    from: query.from,
    to: query.to,
    asOf: now.toISOString(),
    smallNumberThreshold: SMALL_NUMBER,
    national: {
      rereferralRate: values.nationalRereferralRate,
      note: 'England’s share of referrals made within 12 months of a previous referral: a comparator, not the same measure (this counts any later contact after a no-action outcome)',
    },
    closedNoAction: rows.length,
    pending: {
      within6Months: rows.filter((r) => cameBack(r, WINDOWS.sixMonths, now) === 'pending').length,
      within12Months: rows.filter((r) => cameBack(r, WINDOWS.twelveMonths, now) === 'pending').length,
    },
    overall: { within6Months: overall.within6Months, within12Months: overall.within12Months },
    byRule: recontactBy(rows, (r) => r.fired, now).map(({ key, ...cells }) => ({ rule: key, ...cells })),
    byDeclinedPrompt: recontactBy(rows, (r) => (r.declined.length ? r.declined : ['none declined']), now).map(({ key, ...cells }) => ({ action: key, ...cells })),
    byScreener: recontactBy(rows, (r) => [r.decided_by], now).map(({ key, ...cells }) => ({ screener: key, ...cells })),
    byTeam: recontactBy(rows, (r) => [teams.get(r.decided_by)?.name ?? NO_TEAM], now).map(({ key, ...cells }) => ({ team: key, ...cells })),
    overriddenPrompts: overridesBorneOut(rows, now),
  };
}

export type ScreeningOutcomes = Awaited<ReturnType<typeof summariseScreeningOutcomes>>;
