import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { sql } from 'kysely';
import { appSettings, buildApp } from '../../src/app.js';
import { createTokenVerifier, signLocalToken } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { buildDeps } from '../../src/deps.js';
import { openBackgroundDatabase, type Database } from '../../src/db/client.js';
import { INTEGRATE_PARALLEL } from '../../src/domain/audit/integrate-log.js';
import { startAuditSequencer } from '../../src/domain/audit/sequencer-timer.js';
import { deriveFacts } from '../../src/rules/facts.js';
import { contactGenerator } from './contact-generator.js';
import { floorRoute } from './floor-route.js';
import type { LoadJob, LoadSummary } from './loader.js';
import { median, percentile } from './stats.js';

/**
 * The service under load, in its own process so that its resident set is
 * its own: buildDeps + buildApp + the floor route, served on loopback, with
 * autocannon forked as a separate process. Started by run.ts over IPC.
 */
export interface TriageJob {
  backend: 'postgres' | 'pglite';
  databaseUrl?: string;
  concurrencies: number[];
  warmupSeconds: number;
  runSeconds: number;
  repeats: number;
  seed: number;
  bodies: number;
  /** Also measure the floor with the real audit write (full runs). */
  chained: boolean;
  /** Spread the triage requests over this many authorities (one screener each, taken in turn); 1 when absent. */
  authorities?: number;
  /** Load one route alone (for a CPU profile of it); the other's figures are then empty. */
  only?: 'triage' | 'floor';
}

/** Commit (strictly: the writing transaction's start) to inclusion in a signed checkpoint, over the entries of one line's runs. */
export interface IntegrationFigures {
  entries: number;
  /** Entries of the runs still not in a signed checkpoint a minute later: each fails the goal. */
  unintegrated: number;
  p50: number | null; p99: number | null; max: number | null;
}

/** A run as the loader saw it, with the service process's own CPU time over it (user + system, all threads). */
export type RunSummary = LoadSummary & { cpuMs: number; databaseCpuMs: number | null };
/**
 * cpuMsPerRequest: the service's CPU time per answered request, steadier than req/s on a shared machine;
 * databaseCpuMsPerRequest: the same for the PostgreSQL backends serving this database, when the server is local (else null).
 */
export interface RouteFigures { rps: number; p50: number; p99: number; cpuMsPerRequest: number; databaseCpuMsPerRequest: number | null; runs: RunSummary[] }
export interface TriageFigures {
  backend: string;
  /** How many authorities the triage requests were spread over. */
  authorities: number;
  byConcurrency: { connections: number; triage: RouteFigures; floor: RouteFigures; chained?: RouteFigures; integration?: IntegrationFigures }[];
  /** Resident set (MB) sampled during the runs at the highest concurrency. */
  rss: { triage: { median: number; p99: number }; floor: { median: number; p99: number } };
}

const SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';
const LA = 'E06000056';
/** The first is the single-authority line's; the spread line takes as many as it asks for, each with its own audit log and sequencer work. */
const AUTHORITIES = [LA, 'E06000001', 'E06000002', 'E06000003', 'E06000004', 'E06000005', 'E06000006', 'E06000007', 'E06000008', 'E06000009'];

function startLoader() {
  const child = fork(fileURLToPath(new URL('./loader.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const load = (job: LoadJob) => new Promise<LoadSummary>((resolve, reject) => {
    child.once('message', (m: { ok: boolean; summary?: LoadSummary; error?: string }) => (m.ok ? resolve(m.summary!) : reject(new Error(m.error))));
    child.send(job);
  });
  return { load, stop: () => child.kill() };
}

const figures = (runs: RunSummary[]): RouteFigures => ({
  rps: median(runs.map((r) => r.requestsPerSecond)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)),
  cpuMsPerRequest: median(runs.map((r) => r.cpuMs / Math.max(1, r.requests))),
  databaseCpuMsPerRequest: runs.some((r) => r.databaseCpuMs === null) ? null : median(runs.map((r) => (r.databaseCpuMs ?? 0) / Math.max(1, r.requests))),
  runs,
});

const TICK_MS = 10; // /proc/<pid>/stat counts CPU in clock ticks of 1/100 s

/** CPU time (ms) of each PostgreSQL backend connected to this database, read from /proc; null when the server is not on this machine. */
async function backendCpu(db: Database): Promise<Map<number, number> | null> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  const used = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS); // utime and stime, fields 14 and 15 of stat
    } catch {
      return null;
    }
  }
  return used;
}

function cpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

async function measure(job: TriageJob): Promise<TriageFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mash-bench-'));
  // The per-user rate limit (600 a minute by default) would refuse the single load-test user within a second:
  // the bench sets the limit it needs, and any non-2xx answer still fails the line it measures.
  const config = loadConfig({
    MASH_JWT_SECRET: SECRET, LOG_LEVEL: 'info', MASH_DATA_DIR: dataDir, MASH_RATE_LIMIT_PER_MINUTE: '1000000',
    // PostgreSQL requires the session secret every instance shares; the bench's one instance is given one.
    ...(job.databaseUrl ? { DATABASE_URL: job.databaseUrl, MASH_SESSION_SECRET: SECRET } : {}),
  });
  // Logging stays on at the production level; it goes to /dev/null rather than a terminal.
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  const { deps, database } = await buildDeps(config, { logger });
  const app = buildApp(deps, { tokens: createTokenVerifier(config), bodyLimitBytes: config.bodyLimitBytes, ...appSettings(config) });
  // The audit sequencer runs as it does in npm start: integrating entries and signing checkpoints while the load runs.
  // As in npm start, on a small pool of its own, so it never waits behind the load for a connection.
  const background = await openBackgroundDatabase(database, { url: config.databaseUrl, poolSize: INTEGRATE_PARALLEL, timeouts: config.dbTimeouts });
  const stopSequencer = startAuditSequencer({ ...deps, db: background.db }, config.audit.sequenceIntervalMs);

  const next = contactGenerator({ seed: job.seed, now: new Date() });
  const contacts = Array.from({ length: job.bodies }, next);
  const sample = contacts[0]!;
  const { facts } = deriveFacts(sample, { priorContacts: sample.children.map(() => 1), caseSystem: [], complete: true }, deps.settings.national);
  const triage = await deps.evaluator.evaluate(facts);
  const settings = deps.settings.forAuthority(LA);
  const floor = floorRoute(deps.db, {
    triage: {
      rule_set_hash: deps.ruleSet.hash, facts, results: triage.rules, prompts: triage.prompts,
      settings: { ruleSetVersion: deps.ruleSet.version, hash: settings.hash, values: settings.values },
    },
  });

  const server = serve({
    fetch: (request, env) => (new URL(request.url).pathname.startsWith('/bench/') ? floor.fetch(request, env) : app.fetch(request, env)),
    port: 0, hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const count = job.authorities ?? 1;
  if (count < 1 || count > AUTHORITIES.length) throw new Error(`authorities must be 1 to ${AUTHORITIES.length}`);
  const authorities = AUTHORITIES.slice(0, count);
  const tokens = await Promise.all(authorities.map((la) => signLocalToken(
    new TextEncoder().encode(SECRET), { sub: 'bench-screener', role: 'screener', la }, { issuer: config.jwtIssuer, audience: config.jwtAudience },
  )));
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` };
  const bodies = contacts.map((c) => JSON.stringify(c));

  const PATHS = { triage: '/api/v1/contacts', floor: '/bench/floor/contacts', chained: '/bench/floor-chained/contacts' } as const;
  for (const path of Object.values(PATHS)) {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: bodies[0] });
    if (response.status !== 201) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  }

  const loader = startLoader();
  const rssSamples = { triage: [] as number[], floor: [] as number[], chained: [] as number[] };
  const top = Math.max(...job.concurrencies);
  try {
    const byConcurrency: TriageFigures['byConcurrency'] = [];
    for (const connections of job.concurrencies) {
      const run = async (route: keyof typeof PATHS, seconds: number, sampleRss: boolean) => {
        const url = `${base}${PATHS[route]}`;
        const samples: number[] = [];
        const timer = sampleRss ? setInterval(() => samples.push(process.memoryUsage.rss() / 1_048_576), 200) : undefined;
        const cpu = process.cpuUsage();
        const backends = job.backend === 'postgres' ? await backendCpu(deps.db) : null;
        const summary = await loader.load({ url, connections, durationSeconds: seconds, headers, bodies, ...(route === 'triage' ? { tokens } : {}) })
          .finally(() => clearInterval(timer));
        if (summary.errors > 0 || summary.non2xx > 0 || summary.timeouts > 0) {
          throw new Error(`${route} at c=${connections}: ${summary.non2xx} non-2xx answers, ${summary.errors} errors, ${summary.timeouts} timeouts`);
        }
        // The first second is ramp-up; the resident set is read at steady load.
        rssSamples[route].push(...samples.slice(Math.min(5, Math.floor(samples.length / 3))));
        const used = process.cpuUsage(cpu);
        const databaseCpuMs = job.backend === 'postgres' ? cpuBetween(backends, await backendCpu(deps.db)) : null;
        return { ...summary, cpuMs: (used.user + used.system) / 1000, databaseCpuMs };
      };
      const routes = job.only ? [job.only] : job.chained ? (['floor', 'chained', 'triage'] as const) : (['floor', 'triage'] as const);
      if (job.warmupSeconds > 0) for (const route of routes) await run(route, job.warmupSeconds, false);
      const runs = { triage: [] as RunSummary[], floor: [] as RunSummary[], chained: [] as RunSummary[] };
      const triageWindows: [Date, Date][] = [];
      // Interleaved, so that noise from the shared machine falls on every route alike.
      for (let i = 0; i < job.repeats; i += 1) {
        for (const route of routes) {
          const from = new Date();
          runs[route].push(await run(route, job.runSeconds, connections === top));
          if (route === 'triage') triageWindows.push([from, new Date()]);
        }
      }
      const integration = await integrationDelay(deps.db, authorities, triageWindows);
      byConcurrency.push({
        connections, triage: figures(runs.triage), floor: figures(runs.floor), ...(job.chained ? { chained: figures(runs.chained) } : {}),
        ...(integration ? { integration } : {}),
      });
      const line = (name: string, f: RouteFigures) => `${name} ${f.rps.toFixed(0)} req/s (p99 ${f.p99.toFixed(0)} ms, ${f.cpuMsPerRequest.toFixed(1)} ms CPU a request${f.databaseCpuMsPerRequest === null ? '' : `, PostgreSQL ${f.databaseCpuMsPerRequest.toFixed(1)} ms`})`;
      const measured = routes.map((route) => line(route, figures(runs[route]))).join(', ');
      const where = `${job.backend}${count > 1 ? ` over ${count} authorities` : ''}`;
      const integrated = integration ? `${integration.p99?.toFixed(0) ?? '—'} ms over ${integration.entries} entries, ${integration.unintegrated} never integrated` : '— (no entries)';
      process.stderr.write(`  ${where} c=${connections}: ${measured}, audit integration p99 ${integrated}\n`);
    }
    const rss = (s: number[]) => ({ median: median(s), p99: percentile(s, 99) });
    return { backend: job.backend, authorities: count, byConcurrency, rss: { triage: rss(rssSamples.triage), floor: rss(rssSamples.floor) } };
  } finally {
    loader.stop();
    await new Promise((resolve) => server.close(resolve));
    await stopSequencer();
    await background.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Waits for the sequencer to place what the runs wrote, then reads, for every
 * entry written in the windows, how long after its transaction began the
 * first checkpoint covering it was signed.
 */
async function integrationDelay(db: Database, authorities: string[], windows: [Date, Date][]): Promise<IntegrationFigures | undefined> {
  // Requests cut off by the end of a run are still finishing: wait until nothing new is written and nothing waits for a place.
  let lastSeq = -1;
  for (let waited = 0; waited < 60_000; waited += 250) {
    const { rows } = await sql<{ unplaced: number; top: number }>`
      select count(*) filter (where chain_index is null)::int as unplaced, coalesce(max(seq), 0)::bigint as top from audit_log where la = any(${authorities})`.execute(db);
    if (rows[0]!.unplaced === 0 && Number(rows[0]!.top) === lastSeq) break;
    lastSeq = Number(rows[0]!.top);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const delays: number[] = [];
  let unintegrated = 0;
  for (const [from, to] of windows) {
    const { rows } = await sql<{ ms: number | null }>`
      select extract(epoch from (c.signed_at - a.written_at)) * 1000 as ms
      from audit_log a
      left join lateral (select signed_at from audit_checkpoints c where c.la = a.la and c.tree_size > a.chain_index order by c.tree_size limit 1) c on true
      where a.la = any(${authorities}) and a.written_at >= ${from} and a.written_at <= ${to}`.execute(db);
    for (const r of rows) {
      if (r.ms === null) unintegrated += 1;
      else delays.push(Number(r.ms));
    }
  }
  if (delays.length + unintegrated === 0) return undefined;
  // With nothing integrated there is no delay to report: the line shows only what was never integrated.
  if (delays.length === 0) return { entries: 0, unintegrated, p50: null, p99: null, max: null };
  return { entries: delays.length, unintegrated, p50: median(delays), p99: percentile(delays, 99), max: Math.max(...delays) };
}

process.once('message', (job: TriageJob) => {
  measure(job).then(
    (result) => { process.send!({ ok: true, result }, () => process.exit(0)); },
    (error: unknown) => { process.send!({ ok: false, error: error instanceof Error ? error.stack : String(error) }, () => process.exit(1)); },
  );
});
