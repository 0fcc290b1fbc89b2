import type { DecisionOfScreener } from '../../db/repositories/reflection.repo.js';
import type { NoActionContactRow } from '../../db/repositories/screening-outcomes.repo.js';
import type { CalibrationAnswerRow, SecondScreenRow } from '../../db/schema.js';
import { krippendorffAlpha } from '../../lib/agreement/krippendorff.js';
import { VERDICTS } from '../../schemas/decision.schema.js';
import { VARIABLES, type Variable } from '../calibration/agreement.js';
import { shareCell } from '../oversight/cells.js';
import { cameBack, WINDOWS } from '../outcomes/screening-outcomes.js';
import { present } from '../../lib/one-of.js';

/** A screener's decisions, or their team's: outcomes, departures and the managers' verdicts. */
export function decisionFigures(decisions: readonly DecisionOfScreener[], outcomes: readonly string[]) {
  const reviewed = decisions.filter((d) => d.verdict !== null);
  return {
    decisions: decisions.length,
    byOutcome: Object.fromEntries(outcomes.map((o) => [o, shareCell(decisions.filter((d) => d.outcome === o).length, decisions.length)])),
    departed: shareCell(decisions.filter((d) => d.departed).length, decisions.length),
    verdicts: Object.fromEntries(VERDICTS.map((v) => [v, shareCell(reviewed.filter((d) => d.verdict === v).length, reviewed.length)])),
  };
}

/** How often second screens agreed with a screener's decisions, and how often their own second screens agreed. */
export function secondScreenFigures(screens: readonly SecondScreenRow[], subs: ReadonlySet<string>) {
  const asFirst = screens.filter((s) => subs.has(s.first_decided_by) && s.agrees !== null);
  const asSecond = screens.filter((s) => s.screener !== null && subs.has(s.screener) && s.agrees !== null);
  const settled = asFirst.filter((s) => s.standing !== null);
  return {
    onTheirDecisions: shareCell(asFirst.filter((s) => s.agrees).length, asFirst.length),
    asSecondScreener: shareCell(asSecond.filter((s) => s.agrees).length, asSecond.length),
    settlements: { first: settled.filter((s) => s.standing === 'first').length, second: settled.filter((s) => s.standing === 'second').length, neither: settled.filter((s) => s.standing === 'neither').length },
  };
}

/** Of a screener's (or team's) no-action contacts, those whose family came back within twelve months. */
export function recontactFigures(rows: readonly NoActionContactRow[], now: Date) {
  const judged = rows.map((r) => cameBack(r, WINDOWS.twelveMonths, now)).filter((s) => s !== 'pending');
  return { closedNoAction: rows.length, recontactWithin12Months: shareCell(judged.filter((s) => s === 'yes').length, judged.length) };
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

/**
 * One screener in one closed exercise: how often their answers were the
 * team's most common answer and the bank's label, beside the team's alpha.
 */
export function calibrationFigures(sub: string, practiceContactIds: readonly string[], answers: readonly CalibrationAnswerRow[], labels: ReadonlyMap<string, { route: string; urgency: string }>) {
  const mine = answers.filter((a) => a.screener === sub);
  const withModal = (variable: Variable) => {
    let hits = 0;
    for (const a of mine) {
      const counts = new Map<string, number>();
      for (const x of answers.filter((y) => y.practice_contact_id === a.practice_contact_id)) counts.set(x[variable], (counts.get(x[variable]) ?? 0) + 1);
      if ((counts.get(a[variable]) ?? 0) === Math.max(...counts.values())) hits++;
    }
    return shareCell(hits, mine.length);
  };
  const withLabel = (variable: 'route' | 'urgency') => {
    const labelled = mine.filter((a) => labels.has(a.practice_contact_id));
    return shareCell(labelled.filter((a) => present(labels.get(a.practice_contact_id), 'label')[variable] === a[variable]).length, labelled.length);
  };
  const alpha = (variable: Variable) => {
    const { codes, ranks } = VARIABLES[variable];
    const units = practiceContactIds.map((id) => answers.filter((a) => a.practice_contact_id === id).map((a) => (ranks ? present(ranks[codes.indexOf(a[variable])], 'rank') : codes.indexOf(a[variable]))));
    return round(krippendorffAlpha(units, ranks ? 'ordinal' : 'nominal'));
  };
  return {
    answered: mine.length,
    withTeamsCommonAnswer: { outcome: withModal('outcome'), route: withModal('route'), urgency: withModal('urgency') },
    withBankLabel: { route: withLabel('route'), urgency: withLabel('urgency') },
    teamAlpha: { outcomeNominal: alpha('outcome'), routeOrdinal: alpha('route'), urgencyOrdinal: alpha('urgency') },
  };
}
