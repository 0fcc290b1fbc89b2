import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { loadRuleSet } from '../../src/rules/rule-set.js';
import { loadSettings } from '../../src/rules/settings.js';
import { benchHistory, benchSample, roundTrip } from './database.bench.js';
import { generateContacts } from './generate.js';
import { createBenchDatabase, DEFAULT_SERVER } from './pg-database.js';
import { benchProofs } from './proofs.bench.js';
import { goalLines, table, triageTable, writeReadme, type BenchResults } from './report.js';
import { benchReplay } from './replay.bench.js';
import { benchRules } from './rules.bench.js';
import type { TriageFigures, TriageJob } from './triage-service.js';

/**
 * npm run bench [-- --quick] [-- --triage] [-- --seconds N] [-- --write-readme] [-- --contacts N]
 *
 * Issue 7: the triage path measured against the floor of its own stack.
 * --quick is for CI: small and short, and it fails only on errors, never on
 * speed. A fresh PostgreSQL database is created on DATABASE_URL's server
 * (or the local one) and dropped at the end.
 * Triage on PostgreSQL is measured twice: one authority (every request one
 * screener's, into one audit log) and spread over 10 authorities.
 * --triage measures those two lines alone (no PGlite, rules, proofs, history,
 * sample or replay): for before/after comparisons of the request path.
 * --seconds sets each triage run's length (and a warm-up of a second before
 * each line): the quick run's one second completes almost nothing at c=32
 * when the machine is loaded.
 */
const LA = 'E06000056';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false }, triage: { type: 'boolean', default: false }, 'write-readme': { type: 'boolean', default: false },
    contacts: { type: 'string' }, seconds: { type: 'string' },
  },
});
const quick = values.quick;
const triageOnly = values.triage;
const SPREAD_AUTHORITIES = 10;
const plan = quick
  ? { contacts: 5_000, replayContacts: 1_000, lookups: 200, samples: 100, baselineSamples: 5, ruleContacts: 200, ruleRepeats: 3, warmup: 0, run: 1, repeats: 1, bodies: 200, chained: false, proofLeaves: 100_000, proofSamples: 200 }
  : { contacts: 1_000_000, replayContacts: 100_000, lookups: 1_000, samples: 1_000, baselineSamples: 20, ruleContacts: 1_000, ruleRepeats: 7, warmup: 3, run: 5, repeats: 3, bodies: 5_000, chained: true, proofLeaves: 1_000_000, proofSamples: 1_000 };
if (values.contacts) plan.contacts = Number(values.contacts);
if (values.seconds) Object.assign(plan, { run: Number(values.seconds), warmup: Math.max(plan.warmup, 1) });
const log = (line: string) => process.stderr.write(`${line}\n`);

function triageInService(job: TriageJob): Promise<TriageFigures> {
  const child = fork(fileURLToPath(new URL('./triage-service.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { ok: boolean; result?: TriageFigures; error?: string }) => (m.ok ? resolve(m.result!) : reject(new Error(m.error))));
    child.once('exit', (code) => reject(new Error(`the service process exited (${code}) before reporting`)));
    child.send(job);
  });
}

async function main() {
  const started = performance.now();
  const ruleSet = loadRuleSet('rules');
  const settings = loadSettings('rules/settings');
  let rules: BenchResults['rules'] | undefined;
  let proofs: BenchResults['proofs'] | undefined;
  if (!triageOnly) {
    log(`Rule evaluation: ${plan.ruleContacts} contacts × ${plan.ruleRepeats} passes`);
    rules = await benchRules(ruleSet, settings.national, { contacts: plan.ruleContacts, repeats: plan.ruleRepeats, seed: 7 });
    log(`Audit proofs over ${plan.proofLeaves.toLocaleString('en-GB')} entries`);
    proofs = benchProofs(plan.proofLeaves, plan.proofSamples);
  }

  const server = process.env.DATABASE_URL || DEFAULT_SERVER;
  const target = await createBenchDatabase(server);
  log(`PostgreSQL: fresh database ${target.name}`);
  try {
    const database = await openDatabase({ url: target.url, poolSize: 16 });
    let generated: BenchResults['generated'];
    let measured: Pick<BenchResults, 'history' | 'roundTrip' | 'sample' | 'replay'> | undefined;
    try {
      await migrateToLatest(database.db);
      log(`Generating ${plan.contacts.toLocaleString('en-GB')} contacts`);
      generated = await generateContacts(database.db, { contacts: plan.contacts, seed: 42, la: LA, log });
      if (!triageOnly) {
        log(`History lookup: ${plan.lookups} lookups; audit sample: ${plan.samples} samples`);
        const roundTripTiming = await roundTrip(database.db, plan.lookups);
        const history = await benchHistory(database.db, { la: LA, contacts: plan.contacts, lookups: plan.lookups, seed: 3 });
        const sample = await benchSample(database.db, { la: LA, samples: plan.samples, baselineSamples: plan.baselineSamples });
        log(`Replay: ${plan.replayContacts.toLocaleString('en-GB')} stored contacts re-evaluated`);
        const replay = await benchReplay(database.db, ruleSet, settings.national, { contacts: plan.replayContacts, seed: 5 });
        measured = { history, roundTrip: roundTripTiming, sample, replay };
      }
    } finally {
      await database.close();
    }
    const job = { concurrencies: [1, 8, 32], warmupSeconds: plan.warmup, runSeconds: plan.run, repeats: plan.repeats, seed: 11, bodies: plan.bodies, chained: plan.chained };
    log('Triage on PostgreSQL (same database)');
    const onPostgres = await triageInService({ ...job, backend: 'postgres', databaseUrl: target.url });
    log(`Triage on PostgreSQL over ${SPREAD_AUTHORITIES} authorities (same database)`);
    const spread = await triageInService({ ...job, backend: 'postgres', databaseUrl: target.url, authorities: SPREAD_AUTHORITIES, chained: false });
    if (triageOnly || !rules || !proofs || !measured) {
      process.stdout.write(`\n${triageTable([onPostgres, spread])}\n\ntriage lines only, ${quick ? 'quick' : 'full'} run, ${cpus().length} cores, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
      return;
    }
    log('Triage on PGlite (a fresh data folder)');
    const onPglite = await triageInService({ ...job, backend: 'pglite' });

    const results: BenchResults = {
      mode: quick ? 'quick' : 'full', date: new Date().toISOString().slice(0, 10), cores: cpus().length,
      generated, rules, ...measured, proofs, triage: [onPostgres, spread, onPglite],
    };
    if (quick) log('\n--quick is a smoke test for CI: one short run of each line, so the figures below are not measurements.');
    process.stdout.write(`\n${table(results)}\n\n${goalLines(results)}\n\n${quick ? 'quick' : 'full'} run, ${cpus().length} cores, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    if (values['write-readme']) {
      if (quick) log('--write-readme is ignored with --quick: the README shows full runs only');
      else writeReadme('README.md', results);
    }
  } finally {
    await target.drop();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
