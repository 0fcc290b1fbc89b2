import type { CorpusCase } from './corpus.js';
import { disagreements, type CaseResult, type Figures, type Rate } from './measure.js';

export interface PackRun {
  label: string;
  pack: { name: string; version: string; hash: string };
  parts: { development: Figures; held_back: Figures; all: Figures };
  results: CaseResult[];
}

const PARTS = ['development', 'held_back', 'all'] as const;
const PART_NAMES = { development: 'development', held_back: 'held back', all: 'all' } as const;

export const pct = (r: Rate) => (r.rate === null ? '–' : `${(r.rate * 100).toFixed(0)}%`);
const cell = (r: Rate) => `${pct(r)} (${r.hits}/${r.of})`.padEnd(16);

/** The headline figures of each part, one row each: what a practice lead reads first. */
function headline(run: PackRun): string[] {
  const row = (name: string, pick: (f: Figures) => Rate) => `  ${name.padEnd(56)}${PARTS.map((p) => cell(pick(run.parts[p]))).join('')}`;
  const action = (f: Figures, a: string, which: 'sensitivity' | 'specificity') =>
    f.actions.find((x) => x.action === a)?.[which] ?? { hits: 0, of: 0, rate: null };
  return [
    `  ${''.padEnd(56)}${PARTS.map((p) => `${PART_NAMES[p]} (${run.parts[p].cases})`.padEnd(16)).join('')}`,
    row('strategy discussion: sensitivity', (f) => action(f, 'strategy_discussion', 'sensitivity')),
    row('strategy discussion: specificity', (f) => action(f, 'strategy_discussion', 'specificity')),
    row('route exact', (f) => f.route.exact),
    row('route within one step', (f) => f.route.withinOne),
    row('urgency exact', (f) => f.urgency.exact),
    row('urgency within one step', (f) => f.urgency.withinOne),
    row('colour (red/amber/green) exact', (f) => f.colour),
    row('floor cases held', (f) => f.floors),
    row('no statutory action: green', (f) => f.noStatutoryAction.green),
    ...run.parts.all.noStatutoryAction.guards.map((g) =>
      row(`no statutory action: ${g.action} shown`, (f) => f.noStatutoryAction.guards.find((x) => x.action === g.action)!.shown)),
  ];
}

function actionTable(f: Figures): string[] {
  return [
    `  ${'action'.padEnd(28)}${'sensitivity'.padEnd(18)}${'specificity'.padEnd(18)}`,
    ...f.actions.map((a) => `  ${a.action.padEnd(28)}${cell(a.sensitivity).padEnd(18)}${cell(a.specificity).padEnd(18)}`),
  ];
}

function ruleTable(f: Figures): string[] {
  return [
    `  ${'rule'.padEnd(38)}${'fires'.padEnd(8)}precision (a firing wanted by the labels)`,
    ...f.rules.map((r) => `  ${r.id.padEnd(38)}${String(r.fired).padEnd(8)}${r.judged ? cell(r.precision) : '–'}`),
  ];
}

export function formatRun(run: PackRun, cases: ReadonlyMap<string, CorpusCase>, showHeldBack: boolean): string {
  const lines = [
    `${run.label}: ${run.pack.name} ${run.pack.version} (${run.pack.hash})`,
    '',
    ...headline(run),
    '',
    'Prompt actions, all cases (labelled cases only: a case labels an action when it must or must not appear)',
    ...actionTable(run.parts.all),
    '',
    'Rules, all cases',
    ...ruleTable(run.parts.all),
    '',
    `Disagreements (${showHeldBack ? 'every case' : 'development part; --show-held-back for the rest'})`,
  ];
  for (const r of run.results) {
    if (r.part === 'held_back' && !showHeldBack) continue;
    const found = disagreements(r);
    if (!found.length) continue;
    lines.push(`- ${r.id}${r.part === 'held_back' ? ' [held back]' : ''}: ${found.join('; ')}`);
    lines.push(`    shown: ${r.shown.route ?? '(no route)'}, ${r.shown.urgency ?? r.shown.priority}; prompts ${r.shown.prompts.join(', ') || 'none'}`);
    lines.push(`    expected: ${r.expected.route}, ${r.expected.urgency}; why: ${cases.get(r.id)?.expected.reasoning ?? ''}`);
  }
  return lines.join('\n');
}

/** Two packs side by side: the headline figures only, each part. */
export function formatComparison(current: PackRun, candidate: PackRun): string {
  const a = headline(current);
  const b = headline(candidate);
  return [
    `current:   ${current.pack.name} ${current.pack.version} (${current.pack.hash})`,
    `candidate: ${candidate.pack.name} ${candidate.pack.version} (${candidate.pack.hash})`,
    '',
    ...a.map((line, i) => (i === 0 ? `${line}  |  candidate` : `${line}|  ${b[i]!.slice(58)}`)),
  ].join('\n');
}
