import { GUARD_ACTIONS, type Figures, type Rate } from './measure.js';
import { present } from '../../lib/one-of.js';

/** The headline figures of one pack on the corpus: what the README and the transparency record carry. */
export interface AccuracySummary {
  pack: { name: string; version: string; hash: string };
  measuredOn: string;
  corpus: { cases: number; heldBack: number };
  parts: { development: Figures; held_back: Figures };
  /** The same contacts cut back to the fields API v1 named, as a partner system on the first contract sends them. */
  v1Only?: { development: Figures; held_back: Figures };
}

const action = (f: Figures, a: string, which: 'sensitivity' | 'specificity' | 'agreement') =>
  f.actions.find((x) => x.action === a)?.[which] ?? { hits: 0, of: 0, rate: null };

/** The figures a practice lead reads first, in order: the terminal report and the Markdown table both show these. */
export const HEADLINE: { label: string; pick: (f: Figures) => Rate }[] = [
  { label: 'strategy discussion: sensitivity', pick: (f) => action(f, 'strategy_discussion', 'sensitivity') },
  { label: 'strategy discussion: specificity', pick: (f) => action(f, 'strategy_discussion', 'specificity') },
  { label: 'speak to the child: agreement', pick: (f) => action(f, 'speak_to_child', 'agreement') },
  { label: 'multi-agency review: agreement', pick: (f) => action(f, 'multi_agency_review', 'agreement') },
  { label: 'route exact', pick: (f) => f.route.exact },
  { label: 'route within one step', pick: (f) => f.route.withinOne },
  { label: 'urgency exact', pick: (f) => f.urgency.exact },
  { label: 'urgency within one step', pick: (f) => f.urgency.withinOne },
  { label: 'colour (red/amber/green) exact', pick: (f) => f.colour },
  { label: 'floor cases held', pick: (f) => f.floors },
  { label: 'no statutory action: green', pick: (f) => f.noStatutoryAction.green },
  ...GUARD_ACTIONS.map((a) => ({
    label: `no statutory action: ${a.replace(/_/g, ' ')} shown`,
    pick: (f: Figures) => present(f.noStatutoryAction.guards.find((x) => x.action === a), `guard ${a}`).shown,
  })),
];

const pct = (r: Rate) => (r.rate === null ? '–' : `${(r.rate * 100).toFixed(0)}% (${r.hits}/${r.of})`);

/** One Markdown table: the two parts side by side, and beside them the same contacts with only API v1's fields. */
export function accuracyTable(summary: AccuracySummary): string[] {
  const { development: d, held_back: h } = summary.parts;
  const v1 = summary.v1Only;
  return [
    `Measured by \`npm run rules:evaluate\` on ${summary.measuredOn}: pack ${summary.pack.version} (\`${summary.pack.hash}\`) over`,
    `${summary.corpus.cases} labelled contacts in \`tests/corpus\`, ${summary.corpus.heldBack} of them held back from tuning.`,
    ...(v1 ? ['The last two columns are the same contacts with only the fields API v1 named (`--v1-only`), the rest not known.'] : []),
    '',
    `| figure | development (${d.cases}) | held back (${h.cases}) |${v1 ? ' v1 fields, development | v1 fields, held back |' : ''}`,
    `|---|---|---|${v1 ? '---|---|' : ''}`,
    ...HEADLINE.map(({ label, pick }) => `| ${label} | ${pct(pick(d))} | ${pct(pick(h))} |${v1 ? ` ${pct(pick(v1.development))} | ${pct(pick(v1.held_back))} |` : ''}`),
  ];
}
