import type { CorpusCase } from './corpus.js';
import { disagreements, type CaseResult, type Figures, type Rate } from './measure.js';
import { HEADLINE } from './summary.js';
import { present } from '../../lib/one-of.js';

export interface PackRun {
  label: string;
  pack: { name: string; version: string; hash: string };
  parts: { development: Figures; held_back: Figures; all: Figures };
  results: CaseResult[];
}

const PARTS = ['development', 'held_back', 'all'] as const;
const PART_NAMES = { development: 'development', held_back: 'held back', all: 'all' } as const;
const SHORT = { development: 'dev', held_back: 'held', all: 'all' } as const;

export const pct = (r: Rate) => (r.rate === null ? '–' : `${(r.rate * 100).toFixed(0)}%`);
const cell = (r: Rate) => `${pct(r)} (${r.hits}/${r.of})`.padEnd(16);

/** The headline figures of each part, one row each. */
function headline(run: PackRun): string[] {
  return [
    `  ${''.padEnd(56)}${PARTS.map((p) => `${PART_NAMES[p]} (${run.parts[p].cases})`.padEnd(16)).join('')}`,
    ...HEADLINE.map(({ label, pick }) => `  ${label.padEnd(56)}${PARTS.map((p) => cell(pick(run.parts[p]))).join('')}`),
  ];
}

function actionTable(run: PackRun): string[] {
  const head = PARTS.map((p) => `${SHORT[p]} sensitivity`.padEnd(17) + `${SHORT[p]} specificity`.padEnd(17)).join('');
  return [
    `  ${'action'.padEnd(28)}${head}`,
    ...run.parts.all.actions.map((a) => `  ${a.action.padEnd(28)}${PARTS.map((p) => {
      const f = run.parts[p].actions.find((x) => x.action === a.action);
      return f ? cell(f.sensitivity).padEnd(17) + cell(f.specificity).padEnd(17) : ''.padEnd(34);
    }).join('')}`),
  ];
}

function ruleTable(run: PackRun): string[] {
  return [
    `  ${'rule'.padEnd(38)}${PARTS.map((p) => `${SHORT[p]} fires, precision`.padEnd(34)).join('')}`,
    ...run.parts.all.rules.map((r) => `  ${r.id.padEnd(38)}${PARTS.map((p) => {
      const f = present(run.parts[p].rules.find((x) => x.id === r.id), `figures of ${r.id}`);
      return `${String(f.fired).padEnd(6)}${f.judged ? cell(f.precision) : '–'.padEnd(16)}`.padEnd(34);
    }).join('')}`),
  ];
}

export function formatRun(run: PackRun, cases: ReadonlyMap<string, CorpusCase>, showHeldBack: boolean): string {
  const lines = [
    `${run.label}: ${run.pack.name} ${run.pack.version} (${run.pack.hash})`,
    '',
    ...headline(run),
    '',
    'Prompt actions: sensitivity and specificity over the cases that label them (a case labels an action when it must or must not appear)',
    ...actionTable(run),
    '',
    'Rules: how often each fires, and the share of its judged firings that the labels wanted (precision)',
    ...ruleTable(run),
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
    ...a.map((line, i) => (i === 0 ? `${line}  |  candidate` : `${line}|  ${(b[i] ?? '').slice(58)}`)),
  ].join('\n');
}
