import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CorpusError, loadCorpus, type CorpusCase } from '../src/rules/accuracy/corpus.js';
import { measure, runCorpus } from '../src/rules/accuracy/measure.js';
import { formatComparison, formatRun, type PackRun } from '../src/rules/accuracy/report.js';
import { asV1 } from '../src/rules/accuracy/v1-view.js';
import { accuracyTable, type AccuracySummary } from '../src/rules/accuracy/summary.js';
import { Evaluator } from '../src/rules/evaluate.js';
import { loadRuleSet, RuleFileError } from '../src/rules/rule-set.js';
import { loadSettings } from '../src/rules/settings.js';

const SUMMARY_FILE = 'docs/rule-pack-accuracy.json';
const README_START = '<!-- accuracy:start (written by npm run rules:evaluate -- --write) -->';
const README_END = '<!-- accuracy:end -->';

const HELP = `npm run rules:evaluate -- [--rules DIR] [--candidate DIR] [--corpus DIR] [--json] [--show-held-back] [--write]

Runs a rule pack over the labelled corpus (no database) and prints, for the
development part, the held-back part and all cases: each prompt action's
sensitivity and specificity, route and urgency exact and within one step,
how often each rule fires and how often a firing was wanted, and every
disagreement with its case's reasoning. With --candidate, both packs side by side.
With --v1-only, each contact keeps only the fields API v1 named (as a partner
system written against the first contract sends it).
With --write, the live pack's figures go to ${SUMMARY_FILE} (read by rules:doc)
and into the README between its accuracy markers.`;

const { values } = parseArgs({
  options: {
    rules: { type: 'string', default: 'rules' },
    candidate: { type: 'string' },
    corpus: { type: 'string', default: 'tests/corpus' },
    json: { type: 'boolean', default: false },
    'show-held-back': { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    'v1-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const settings = loadSettings('rules/settings').national;

async function run(label: string, dir: string, cases: CorpusCase[]): Promise<PackRun> {
  const ruleSet = loadRuleSet(dir);
  const results = await runCorpus(new Evaluator(ruleSet), settings, cases);
  const ids = ruleSet.rules.map((r) => r.id);
  const prompts = new Map(ruleSet.rules.map((r) => [r.id, r.prompts.map((p) => p.action)]));
  const part = (p: string) => measure(results.filter((r) => p === 'all' || r.part === p), ids, prompts);
  return {
    label,
    pack: { name: ruleSet.name, version: ruleSet.version, hash: ruleSet.hash },
    parts: { development: part('development'), held_back: part('held_back'), all: part('all') },
    results,
  };
}

/** The figures of record: regenerated, never typed, so the README and the transparency record cannot drift from the pack. */
function writeSummary(run: PackRun, v1: PackRun, cases: CorpusCase[]): void {
  const summary: AccuracySummary = {
    pack: run.pack,
    measuredOn: new Date().toISOString().slice(0, 10),
    corpus: { cases: cases.length, heldBack: cases.filter((c) => c.part === 'held_back').length },
    parts: { development: run.parts.development, held_back: run.parts.held_back },
    v1Only: { development: v1.parts.development, held_back: v1.parts.held_back },
  };
  writeFileSync(SUMMARY_FILE, `${JSON.stringify(summary, null, 2)}\n`);
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no accuracy markers (${README_START} … ${README_END})`);
  writeFileSync('README.md', `${readme.slice(0, start + README_START.length)}\n${accuracyTable(summary).join('\n')}\n${readme.slice(end)}`);
  console.error(`wrote ${SUMMARY_FILE} and the README's accuracy table`);
}

try {
  const loaded = loadCorpus(values.corpus);
  const cases = values['v1-only'] ? loaded.map((c) => ({ ...c, body: asV1(c.body) })) : loaded;
  if (values['v1-only'] && values.write) throw new Error('--write records the figures on the corpus as written; leave out --v1-only');
  const current = await run('current', values.rules, cases);
  const candidate = values.candidate ? await run('candidate', values.candidate, cases) : null;
  if (values.write) writeSummary(current, await run('v1 fields', values.rules, cases.map((c) => ({ ...c, body: asV1(c.body) }))), cases);
  if (values.json) {
    console.log(JSON.stringify({ evaluatedAt: new Date().toISOString(), current, candidate }, null, 2));
  } else {
    const byId = new Map(cases.map((c) => [c.id, c]));
    console.log(`Corpus: ${cases.length} cases (${cases.filter((c) => c.part === 'held_back').length} held back), ${new Date().toISOString().slice(0, 10)}\n`);
    console.log(formatRun(current, byId, values['show-held-back']));
    if (candidate) console.log(`\n\n${formatRun(candidate, byId, values['show-held-back'])}\n\n${formatComparison(current, candidate)}`);
  }
} catch (error) {
  if (error instanceof CorpusError || error instanceof RuleFileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
