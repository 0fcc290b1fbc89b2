import type { Figures, Rate } from './measure.js';

/** The headline figures of one pack on the corpus: what the README and the transparency record carry. */
export interface AccuracySummary {
  pack: { name: string; version: string; hash: string };
  measuredOn: string;
  corpus: { cases: number; heldBack: number };
  parts: { development: Figures; held_back: Figures };
}

const pct = (r: Rate) => (r.rate === null ? '–' : `${(r.rate * 100).toFixed(0)}% (${r.hits}/${r.of})`);
const action = (f: Figures, a: string, which: 'sensitivity' | 'specificity' | 'agreement') =>
  f.actions.find((x) => x.action === a)?.[which] ?? { hits: 0, of: 0, rate: null };

/** One Markdown table, the two parts side by side. */
export function accuracyTable(summary: AccuracySummary): string[] {
  const { development: d, held_back: h } = summary.parts;
  const row = (name: string, pick: (f: Figures) => Rate) => `| ${name} | ${pct(pick(d))} | ${pct(pick(h))} |`;
  return [
    `Measured by \`npm run rules:evaluate\` on ${summary.measuredOn}: pack ${summary.pack.version} (\`${summary.pack.hash}\`) over`,
    `${summary.corpus.cases} labelled contacts in \`tests/corpus\`, ${summary.corpus.heldBack} of them held back from tuning.`,
    '',
    `| figure | development (${d.cases}) | held back (${h.cases}) |`,
    '|---|---|---|',
    row('strategy discussion: sensitivity', (f) => action(f, 'strategy_discussion', 'sensitivity')),
    row('strategy discussion: specificity', (f) => action(f, 'strategy_discussion', 'specificity')),
    row('speak to the child: agreement', (f) => action(f, 'speak_to_child', 'agreement')),
    row('multi-agency review: agreement', (f) => action(f, 'multi_agency_review', 'agreement')),
    row('route exact', (f) => f.route.exact),
    row('route within one step', (f) => f.route.withinOne),
    row('urgency exact', (f) => f.urgency.exact),
    row('urgency within one step', (f) => f.urgency.withinOne),
    row('floor cases held', (f) => f.floors),
    row('no statutory action: green', (f) => f.noStatutoryAction.green),
    ...d.noStatutoryAction.guards.map((g) => row(`no statutory action: ${g.action.replace(/_/g, ' ')} shown`,
      (f) => f.noStatutoryAction.guards.find((x) => x.action === g.action)!.shown)),
  ];
}
