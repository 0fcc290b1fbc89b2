import { parseArgs } from 'node:util';
import { CorpusError, loadCorpus, type CorpusCase } from '../src/rules/accuracy/corpus.js';
import { measure, runCorpus } from '../src/rules/accuracy/measure.js';
import { formatComparison, formatRun, type PackRun } from '../src/rules/accuracy/report.js';
import { Evaluator } from '../src/rules/evaluate.js';
import { loadRuleSet, RuleFileError } from '../src/rules/rule-set.js';
import { loadSettings } from '../src/rules/settings.js';

const HELP = `npm run rules:evaluate -- [--rules DIR] [--candidate DIR] [--corpus DIR] [--json] [--show-held-back]

Runs a rule pack over the labelled corpus (no database) and prints, for the
development part, the held-back part and all cases: each prompt action's
sensitivity and specificity, route and urgency exact and within one step,
how often each rule fires and how often a firing was wanted, and every
disagreement with its case's reasoning. With --candidate, both packs side by side.`;

const { values } = parseArgs({
  options: {
    rules: { type: 'string', default: 'rules' },
    candidate: { type: 'string' },
    corpus: { type: 'string', default: 'tests/corpus' },
    json: { type: 'boolean', default: false },
    'show-held-back': { type: 'boolean', default: false },
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

try {
  const cases = loadCorpus(values.corpus);
  const current = await run('current', values.rules, cases);
  const candidate = values.candidate ? await run('candidate', values.candidate, cases) : null;
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
