import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBenchDatabase, DEFAULT_SERVER } from './pg-database.js';
import type { TriageFigures, TriageJob } from './triage-service.js';

/**
 * npm run bench:profile [-- --connections 32] [-- --seconds 15] [-- --authorities 1] [-- --route triage|floor] [-- --out DIR]
 *
 * Issue 19: a CPU profile (node --cpu-prof) of the triage service on
 * PostgreSQL under the bench's triage load alone (no floor route in the
 * profile), then the top costs by function and by package. Open the
 * .cpuprofile in Chrome DevTools for the whole picture.
 */
const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '32' }, seconds: { type: 'string', default: '15' },
    authorities: { type: 'string', default: '1' }, route: { type: 'string', default: 'triage' }, out: { type: 'string', default: join(tmpdir(), 'mash-profiles') }, top: { type: 'string', default: '25' },
  },
});
const out = resolve(values.out);
mkdirSync(out, { recursive: true });

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function runService(job: TriageJob): Promise<TriageFigures> {
  const child = fork(fileURLToPath(new URL('./triage-service.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${out}`], stdio: 'inherit',
  });
  return new Promise((done, fail) => {
    child.once('message', (m: { ok: boolean; result?: TriageFigures; error?: string }) => (m.ok && m.result ? done(m.result) : fail(new Error(m.error))));
    child.once('exit', (code) => fail(new Error(`the service process exited (${code}) before reporting`)));
    child.send(job);
  });
}

/** Where a frame's code lives: a package under node_modules, node itself, or the project's own file. */
function owner(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  if (url.startsWith('node:') || url === '') return url === '' ? '(native/gc/idle)' : 'node';
  const own = /\/(src|scripts)\/(.*)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

function summarise(file: string, top: number): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const fns = new Map<string, number>();
  const owners = new Map<string, number>();
  for (const [id, t] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    const key = `${frame.functionName || '(anonymous)'} ${owner(frame.url)}:${frame.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
    owners.set(owner(frame.url), (owners.get(owner(frame.url)) ?? 0) + t);
  }
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
  const lines = [`${file}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (${((100 * busy) / total).toFixed(0)}%); shares below are of busy time`];
  lines.push('', 'Self time by package or file:');
  for (const [k, t] of [...owners].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(t)}  ${k}`);
  lines.push('', 'Self time by function:');
  for (const [k, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(t)}  ${k}`);
  return lines.join('\n');
}

async function main() {
  const target = await createBenchDatabase(process.env.DATABASE_URL || DEFAULT_SERVER);
  const before = new Set(readdirSync(out));
  try {
    const connections = Number(values.connections);
    const result = await runService({
      backend: 'postgres', databaseUrl: target.url, concurrencies: [connections], warmupSeconds: 2, runSeconds: Number(values.seconds), repeats: 1,
      seed: 11, bodies: 200, chained: false, only: values.route === 'floor' ? 'floor' : 'triage', authorities: Number(values.authorities),
    });
    const line = result.byConcurrency[0];
    const figures = values.route === 'floor' ? line?.floor : line?.triage;
    if (figures) process.stdout.write(`${values.route} alone at c=${connections}: ${figures.rps.toFixed(0)} req/s (${figures.runs[0]?.requests ?? 0} requests), p99 ${figures.p99.toFixed(0)} ms\n`);
  } finally {
    await target.drop();
  }
  for (const file of readdirSync(out).filter((f) => f.endsWith('.cpuprofile') && !before.has(f))) {
    process.stdout.write(`\n${summarise(join(out, file), Number(values.top))}\n`);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
