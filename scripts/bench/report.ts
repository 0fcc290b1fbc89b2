import { readFileSync, writeFileSync } from 'node:fs';
import type { Timing } from './database.bench.js';
import type { ProofFigures } from './proofs.bench.js';
import type { ReplayFigures } from './replay.bench.js';
import type { RuleFigures } from './rules.bench.js';
import type { TriageFigures } from './triage-service.js';

export interface BenchResults {
  mode: 'quick' | 'full';
  date: string;
  cores: number;
  generated: { contacts: number; children: number; seconds: number };
  rules: RuleFigures;
  history: Timing;
  roundTrip: Timing;
  sample: { sample: Timing; orderByRandom: Timing; matching: number };
  replay: ReplayFigures;
  proofs: ProofFigures;
  triage: TriageFigures[];
}

const int = (n: number) => Math.round(n).toLocaleString('en-GB');
const ms = (n: number | null) => (n === null ? '—' : `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`);
const x = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)}×`;
const BACKEND: Record<string, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };

export interface Goal { goal: string; measured: string; met: boolean }

/** A triage line's name: its backend, and the authorities its requests were spread over when more than one. */
const where = (t: TriageFigures) => `${BACKEND[t.backend]}${t.authorities > 1 ? ` over ${t.authorities} authorities` : ''}`;

export function goals(r: BenchResults): Goal[] {
  const pg = r.triage.find((t) => t.backend === 'postgres' && t.authorities === 1);
  const at = (c: number) => pg?.byConcurrency.find((b) => b.connections === c);
  const c32 = at(32);
  const c8 = at(8);
  const list: Goal[] = [];
  if (c32) list.push({ goal: 'Triage throughput on PostgreSQL at c=32 ≥ 0.6× floor', measured: x(c32.triage.rps / c32.floor.rps), met: c32.triage.rps >= 0.6 * c32.floor.rps });
  if (c8) list.push({ goal: 'Triage p99 at c=8 ≤ 3× floor p99 (PostgreSQL)', measured: x(c8.triage.p99 / c8.floor.p99), met: c8.triage.p99 <= 3 * c8.floor.p99 });
  if (c32?.integration) {
    const { p99, entries, unintegrated } = c32.integration;
    list.push({
      goal: 'Audit integration delay (commit → signed checkpoint) p99 < 2 s at c=32 (PostgreSQL)',
      measured: `${ms(p99)} over ${int(entries)} entries${unintegrated ? `, ${int(unintegrated)} never integrated` : ''}`, met: p99 !== null && p99 < 2000 && unintegrated === 0,
    });
  }
  const ruleRatio = r.rules.project.perSecond / r.rules.raw.perSecond;
  list.push({ goal: 'Rule evaluation ≥ 1.2× raw json-rules-engine', measured: x(ruleRatio), met: ruleRatio >= 1.2 });
  const replayRatio = r.replay.perSecond / r.rules.raw.perSecond;
  list.push({ goal: 'Replay ≥ 0.7× the raw engine rate', measured: `${x(replayRatio)} (${int(r.replay.contacts)} contacts in ${r.replay.seconds.toFixed(1)} s)`, met: replayRatio >= 0.7 });
  list.push({ goal: 'History lookup p99 < 5 ms', measured: ms(r.history.p99), met: r.history.p99 < 5 });
  const faster = r.sample.orderByRandom.p50 / r.sample.sample.p50;
  list.push({ goal: 'Audit sample < 5 ms (p99) and ≥ 20× faster than ORDER BY random()', measured: `${ms(r.sample.sample.p99)}, ${x(faster)} faster`, met: r.sample.sample.p99 < 5 && faster >= 20 });
  const { inclusion, consistency } = r.proofs;
  list.push({
    goal: `Audit inclusion and consistency proofs over ${int(r.proofs.leaves)} entries: each < 5 ms to produce and verify (p99)`,
    measured: `${ms(inclusion.p99Ms)} and ${ms(consistency.p99Ms)}`, met: inclusion.p99Ms < 5 && consistency.p99Ms < 5,
  });
  if (pg) list.push({ goal: 'Service RSS < 250 MB at c=32 (PostgreSQL)', measured: `${int(pg.rss.triage.p99)} MB`, met: pg.rss.triage.p99 < 250 });
  return list;
}

type Row = string[];
const HEADER: Row = ['Line', 'Median', 'p99', 'Baseline, same run (median · p99)', 'Ratio'];

function triageRows(triage: TriageFigures[]): Row[] {
  const rows: Row[] = [];
  for (const t of triage) {
    for (const b of t.byConcurrency) {
      const cpu = b.triage.databaseCpuMsPerRequest === null || b.floor.databaseCpuMsPerRequest === null ? ''
        : ` · CPU a request: service ${x(b.triage.cpuMsPerRequest / b.floor.cpuMsPerRequest)}, PostgreSQL ${x(b.triage.databaseCpuMsPerRequest / b.floor.databaseCpuMsPerRequest)}`;
      rows.push([
        `Triage POST /api/v1/contacts, ${where(t)}, c=${b.connections}`,
        `${int(b.triage.rps)} req/s · ${ms(b.triage.p50)}`, ms(b.triage.p99),
        `floor: ${int(b.floor.rps)} req/s · ${ms(b.floor.p50)} · ${ms(b.floor.p99)}`,
        `${x(b.triage.rps / b.floor.rps)} req/s · ${x(b.triage.p99 / b.floor.p99)} p99${cpu}`,
      ]);
      if (b.integration) {
        rows.push([
          `  audit integration delay (commit → signed checkpoint), c=${b.connections}`,
          ms(b.integration.p50), ms(b.integration.p99),
          `max ${ms(b.integration.max)}, ${int(b.integration.entries)} entries${b.integration.unintegrated ? `, ${int(b.integration.unintegrated)} never integrated` : ''}`, '—',
        ]);
      }
      if (b.chained) {
        rows.push([
          `  floor + audit log write, ${where(t)}, c=${b.connections}`,
          `${int(b.chained.rps)} req/s · ${ms(b.chained.p50)}`, ms(b.chained.p99), 'floor (above)',
          `${x(b.chained.rps / b.floor.rps)} req/s · ${x(b.chained.p99 / b.floor.p99)} p99`,
        ]);
      }
    }
  }
  return rows;
}

function render(rows: Row[]): string {
  const widths = HEADER.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: Row) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(HEADER), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** The triage lines alone (npm run bench -- --triage). */
export function triageTable(triage: TriageFigures[]): string {
  return render([HEADER, ...triageRows(triage)]);
}

export function table(r: BenchResults): string {
  const rows: Row[] = [HEADER, ...triageRows(r.triage)];
  const { project, raw } = r.rules;
  rows.push([`Rule evaluation, ${int(r.rules.contacts)} contacts a pass`, `${int(project.perSecond)} contacts/s · ${ms(project.p50Ms)}`, ms(project.p99Ms),
    `raw engine: ${int(raw.perSecond)} contacts/s · ${ms(raw.p50Ms)} · ${ms(raw.p99Ms)}`, x(project.perSecond / raw.perSecond)]);
  rows.push([`What-if replay of ${int(r.replay.contacts)} stored contacts`, `${int(r.replay.perSecond)} contacts/s`, '—',
    `raw engine: ${int(raw.perSecond)} contacts/s`, x(r.replay.perSecond / raw.perSecond)]);
  rows.push([`Audit inclusion proof, produced and verified, ${int(r.proofs.leaves)} entries`, ms(r.proofs.inclusion.p50Ms), ms(r.proofs.inclusion.p99Ms), '—', '—']);
  rows.push([`Audit consistency proof, produced and verified, ${int(r.proofs.leaves)} entries`, ms(r.proofs.consistency.p50Ms), ms(r.proofs.consistency.p99Ms), '—', '—']);
  rows.push([`History lookup (countPriorContacts), ${int(r.generated.contacts)} contacts`, ms(r.history.p50), ms(r.history.p99),
    `select 1: ${ms(r.roundTrip.p50)} · ${ms(r.roundTrip.p99)}`, `${x(r.history.p50 / r.roundTrip.p50)} round trip`]);
  rows.push([`Audit sample of 20 (${int(r.sample.matching)} match the filters)`, ms(r.sample.sample.p50), ms(r.sample.sample.p99),
    `ORDER BY random(): ${ms(r.sample.orderByRandom.p50)} · ${ms(r.sample.orderByRandom.p99)}`, `${x(r.sample.orderByRandom.p50 / r.sample.sample.p50)} faster`]);
  for (const t of r.triage) {
    rows.push([`Service RSS at c=${Math.max(...t.byConcurrency.map((b) => b.connections))}, ${where(t)}`, `${int(t.rss.triage.median)} MB`, `${int(t.rss.triage.p99)} MB`,
      `floor load: ${int(t.rss.floor.median)} MB · ${int(t.rss.floor.p99)} MB`, x(t.rss.triage.median / t.rss.floor.median)]);
  }
  return render(rows);
}

export function goalLines(r: BenchResults): string {
  return goals(r).map((g) => `- ${g.met ? 'met' : 'NOT met'}: ${g.goal} (measured ${g.measured})`).join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Writes the Performance section between its markers, or appends it; nothing else in the README changes. */
export function writeReadme(path: string, r: BenchResults): void {
  const section = [
    START,
    '## Performance',
    '',
    `Measured by \`npm run bench\` on ${r.date} on ${r.cores} cores (shared with other work, so read the ratios rather than the absolute figures).`,
    'Each line is the median (and p99) over repeated runs after a warm-up, against a baseline measured in the same run:',
    'the floor is a bare Hono route that parses the same body and commits the same rows in one transaction through the same pool,',
    'with no token, validation, history lookup, rules or hash chain.',
    '',
    table(r),
    '',
    goalLines(r),
    END,
  ].join('\n');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next = start >= 0 && end > start
    ? `${text.slice(0, start)}${section}${text.slice(end + END.length)}`
    : `${text.replace(/\n*$/, '')}\n\n${section}\n`;
  writeFileSync(path, next);
}
