import type { PeriodChildRow, PeriodContactRow, PeriodDecisionRow, ReviewCountRow } from '../../db/repositories/oversight.repo.js';
import { PRIORITIES, REFERRER_GROUPS } from '../../schemas/codes.js';
import { countCell, shareCell, tally } from './cells.js';
import { present } from '../../lib/one-of.js';

const MISSING = 'missing';
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Contacts received in the period: by priority, by what stood, and how late the first decision was. */
export function contactCounts(contacts: readonly PeriodContactRow[]) {
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, countCell(contacts.filter((c) => c.priority === p).length)]));
  const byFinalOutcome: Record<string, ReturnType<typeof countCell>> = {};
  for (const outcome of [...new Set(contacts.map((c) => c.final_outcome ?? 'undecided'))].sort()) {
    byFinalOutcome[outcome] = countCell(contacts.filter((c) => (c.final_outcome ?? 'undecided') === outcome).length);
  }
  const decided = contacts.filter((c) => c.first_decided_at !== null);
  const late = decided.filter((c) => new Date(present(c.first_decided_at, 'first_decided_at')).getTime() > new Date(c.decision_due_by).getTime());
  return { total: contacts.length, byPriority, byFinalOutcome, decidedLate: shareCell(late.length, decided.length) };
}

/** Of the closed contacts, the share that closed with NFA: by referrer group and by each child's recorded ethnicity. */
export function nfaShares(contacts: readonly PeriodContactRow[], children: readonly PeriodChildRow[]) {
  const closed = contacts.filter((c) => c.status === 'closed');
  const byGroup = tally(REFERRER_GROUPS);
  for (const c of closed) byGroup.add(c.referrer_group, c.final_outcome === 'nfa');

  const nfa = new Map(closed.map((c) => [c.id, c.final_outcome === 'nfa']));
  const closedChildren = children.filter((ch) => nfa.has(ch.contact_id));
  // A contact counts once under each ethnicity its children are recorded with.
  const ethnicities = new Map<string, Set<string>>();
  for (const ch of closedChildren) {
    const key = ch.ethnicity ?? MISSING;
    ethnicities.set(key, (ethnicities.get(key) ?? new Set()).add(ch.contact_id));
  }
  const byEthnicity = tally();
  for (const [key, ids] of [...ethnicities].sort(([a], [b]) => a.localeCompare(b))) for (const id of ids) byEthnicity.add(key, present(nfa.get(id), 'no-action contact'));
  return {
    closed: closed.length,
    byReferrerGroup: byGroup.shares(),
    byEthnicity: byEthnicity.shares(),
    ethnicityMissing: shareCell(closedChildren.filter((ch) => ch.ethnicity === null).length, closedChildren.length),
  };
}

export function recontactAfterNfa(contacts: readonly PeriodContactRow[]) {
  const nfa = contacts.filter((c) => c.final_outcome === 'nfa');
  return shareCell(nfa.filter((c) => c.recontacted === true).length, nfa.length);
}

/** Per rule: of decisions on contacts where it fired, the share that declined a prompt it raised. */
export function overrideByRule(decisions: readonly PeriodDecisionRow[]) {
  const byRule = tally();
  for (const d of decisions) {
    const declinedBy = new Set(d.prompt_responses.filter((r) => r.response === 'declined').flatMap((r) => r.raisedBy));
    for (const rule of d.fired) byRule.add(rule, declinedBy.has(rule));
  }
  return Object.entries(byRule.shares()).sort(([a], [b]) => a.localeCompare(b)).map(([rule, cell]) => ({ rule, ...cell }));
}

/** Per screener: decisions, the share with departures, and decisions per working day. */
export function screenerRates(decisions: readonly PeriodDecisionRow[], workingDays: number) {
  const bySub = tally();
  for (const d of decisions) bySub.add(d.decided_by, d.has_departures);
  return Object.entries(bySub.shares()).sort(([a], [b]) => a.localeCompare(b)).map(([screener, cell]) => ({
    screener, decisions: cell.total, withDepartures: cell,
    perWorkingDay: workingDays === 0 ? null : round2(cell.total / workingDays),
  }));
}

/** Per manager: reviews by verdict and reviews per working day. */
export function managerRates(reviews: readonly ReviewCountRow[], workingDays: number) {
  const managers = [...new Set(reviews.map((r) => r.reviewed_by))].sort();
  return managers.map((manager) => {
    const mine = reviews.filter((r) => r.reviewed_by === manager);
    const count = (verdict: string) => mine.filter((r) => r.verdict === verdict).reduce((n, r) => n + r.n, 0);
    const total = mine.reduce((n, r) => n + r.n, 0);
    return {
      manager,
      reviews: countCell(total),
      endorse: count('endorse'), overturn: count('overturn'), return: count('return'),
      perWorkingDay: workingDays === 0 ? null : round2(total / workingDays),
    };
  });
}
