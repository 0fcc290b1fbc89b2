import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { signLocalToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { adminStatement, freePort, sleep } from './local-server.js';

/**
 * Crash test on PostgreSQL: start the service as a child process, post contacts
 * from concurrent clients that retry with the same Idempotency-Key, SIGKILL the
 * service at a random moment, restart, repeat; then check that every contact
 * that got a 201 is stored exactly once with its triage and audit entries.
 *   npm run crash-test -- [--cycles 8] [--clients 6] [--max-seconds 180] [--database-url postgres://…]
 */
const USAGE = `Usage: npm run crash-test -- [options]

SIGKILLs the service at random moments under clients that retry with the same Idempotency-Key, on PostgreSQL, then
checks every confirmed contact is stored exactly once with its triage and both audit entries. Exit status 1 on any problem.

  --cycles N          kill cycles before the clean one (default 8)
  --clients N         concurrent retrying clients (default 6)
  --max-seconds N     stop starting cycles after this long (default 180)
  --database-url URL  PostgreSQL server to create the test database on (default DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
  --keep              keep the test database afterwards
  --help              this text
`;
function parseOptions() {
  try {
    return parseArgs({
      options: {
        cycles: { type: 'string', default: '8' },
        clients: { type: 'string', default: '6' },
        'max-seconds': { type: 'string', default: '180' },
        'database-url': { type: 'string' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const { values } = parseOptions();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const CYCLES = Number(values.cycles);
const CLIENTS = Number(values.clients);
const DEADLINE = Date.now() + Number(values['max-seconds']) * 1000;
const ADMIN_URL = values['database-url'] ?? loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = randomBytes(32).toString('base64url');
const RUN = randomBytes(4).toString('hex');


const admin = (statement: string) => adminStatement(ADMIN_URL, statement);

interface Pending { key: string; marker: string }
interface Confirmed extends Pending { id: string }

const database = `mash_crash_${RUN}`;
const databaseUrl = (() => { const u = new URL(ADMIN_URL); u.pathname = `/${database}`; return u.toString(); })();
const dataDir = mkdtempSync(`${tmpdir()}/mash-crash-`);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const token = await signLocalToken(new TextEncoder().encode(SECRET), { sub: 'crash-screener', role: 'screener', la: 'E06000056' }, { issuer: 'mash-triage', audience: 'mash-triage' });

function startService(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, MASH_JWT_SECRET: SECRET, MASH_SESSION_SECRET: SECRET, MASH_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent', MASH_RATE_LIMIT_PER_MINUTE: '1000000', MASH_IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS: '1000',
    },
  });
}

async function waitReady(child: ChildProcess) {
  while (Date.now() < DEADLINE + 60_000) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} while starting`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  throw new Error('the service did not become ready');
}

const contactBody = (marker: string) => JSON.stringify({
  receivedAt: '2026-11-24T10:00:00Z', channel: 'phone', referrer: { source: '2A' },
  children: [{ givenName: 'Crash', dateOfBirth: '2020-09-01', injuries: [{ type: 'bruise', sites: ['face'] }] }],
  adults: [{ role: 'mother', livesWithChild: true }], concerns: ['18C'], narrative: marker,
});

let next = 0;
const pending: Pending[] = [];
const confirmed: Confirmed[] = [];
const counts = { sent: 0, created: 0, replayed: 0, alreadyDone: 0, inFlight: 0, lost: 0 };

/** One attempt; anything but a 201 leaves the contact pending, to retry with the same key. */
async function send(item: Pending) {
  counts.sent++;
  try {
    const res = await fetch(`${base}/api/v1/contacts`, {
      method: 'POST', body: contactBody(item.marker),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': item.key },
    });
    const body = await res.json() as { id?: string; type?: string; contactId?: string };
    if (res.status === 409 && body.type === 'urn:mash-triage:problem:request-already-done') {
      counts.alreadyDone++; // done before the crash, answer lost with the process: it names the contact
      confirmed.push({ ...item, id: body.contactId! });
      return;
    }
    if (res.status === 201) {
      if (res.headers.get('idempotent-replayed')) counts.replayed++; else counts.created++;
      confirmed.push({ ...item, id: body.id! });
      return;
    }
    if (res.status === 409) counts.inFlight++;
    pending.push(item);
    await sleep(200);
  } catch {
    counts.lost++; // no answer: the service died
    pending.push(item);
    await sleep(50);
  }
}

async function cycle(kill: boolean) {
  const child = startService();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitReady(child);
  if (kill) {
    const stop = { now: false };
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (!stop.now) await send(pending.shift() ?? { key: `crash-${RUN}-${next}`, marker: `Crash test ${RUN} contact ${next++}` });
    });
    await sleep(200 + Math.random() * 1500);
    child.kill('SIGKILL');
    await exited;
    stop.now = true;
    await Promise.all(clients);
    return;
  }
  // The clean cycle: no new contacts; every pending one is retried until it is confirmed.
  for (let round = 0; pending.length > 0 && round < 30; round++) {
    const batch = pending.splice(0);
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      for (let item = batch.shift(); item; item = batch.shift()) await send(item);
    }));
    if (pending.length > 0) await sleep(1100);
  }
  child.kill('SIGTERM');
  await exited;
}

await admin(`create database ${database}`);
let cycles = 0;
const started = Date.now();
try {
  while (cycles < CYCLES && Date.now() < DEADLINE) {
    await cycle(true);
    cycles++;
  }
  await sleep(1100); // past the in-flight timeout: reservations of the killed processes may be taken over
  await cycle(false);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const problems: string[] = [];
  try {
    // One pass over each table, matched in memory: a lookup per contact would be quadratic in the contacts.
    const markers = confirmed.map((c) => c.marker);
    const stored = (await db.query<{ id: string; marker: string }>(
      `select id, record->>'narrative' as marker from contacts where record->>'narrative' = any($1::text[])`, [markers])).rows;
    const triages = new Map((await db.query<{ contact_id: string; n: number }>(
      'select contact_id, count(*)::int as n from triages group by contact_id')).rows.map((r) => [r.contact_id, r.n]));
    const audits = new Map((await db.query<{ key: string; n: number }>(
      `select contact_id || ' ' || action as key, count(*)::int as n from audit_log where action in ('contact.recorded', 'contact.triaged') group by contact_id, action`,
    )).rows.map((r) => [r.key, r.n]));
    const byMarker = new Map<string, string[]>();
    for (const row of stored) byMarker.set(row.marker, [...(byMarker.get(row.marker) ?? []), row.id]);
    for (const c of confirmed) {
      const ids = byMarker.get(c.marker) ?? [];
      const recorded = audits.get(`${c.id} contact.recorded`) ?? 0;
      const triaged = audits.get(`${c.id} contact.triaged`) ?? 0;
      if (ids.length !== 1) problems.push(`${c.marker}: stored ${ids.length} times`);
      else if (ids[0] !== c.id) problems.push(`${c.marker}: stored as ${ids[0]}, answered ${c.id}`);
      else if (triages.get(c.id) !== 1 || recorded !== 1 || triaged !== 1) problems.push(`${c.marker}: triages ${triages.get(c.id) ?? 0}, audit ${recorded}/${triaged}`);
    }
    const orphans = await db.query(`select count(*)::int as n from contacts c where not exists (select 1 from triages t where t.contact_id = c.id)`);
    if (orphans.rows[0].n > 0) problems.push(`${orphans.rows[0].n} contacts without a triage`);
    const total = (await db.query(`select count(*)::int as n from contacts`)).rows[0].n as number;
    const unconfirmed = new Set(pending.map((p) => p.marker));
    process.stdout.write([
      `crash test: ${cycles} kill cycles + 1 clean cycle in ${Math.round((Date.now() - started) / 1000)} s, ${CLIENTS} concurrent clients`,
      `requests sent ${counts.sent}; 201 new ${counts.created}, 201 replayed ${counts.replayed}, 409 done before the crash ${counts.alreadyDone}, 409 in flight ${counts.inFlight}, no answer (killed) ${counts.lost}`,
      `contacts confirmed and checked: ${confirmed.length} (distinct ${new Set(confirmed.map((c) => c.marker)).size}); contacts in the database: ${total}; never confirmed: ${unconfirmed.size}`,
      problems.length === 0 ? 'every confirmed contact is stored exactly once, with one triage and its two audit entries' : `PROBLEMS:\n  ${problems.join('\n  ')}`,
      '',
    ].join('\n'));
    process.exitCode = problems.length === 0 ? 0 : 1;
  } finally {
    await db.end();
  }
} finally {
  if (!values.keep) await admin(`drop database if exists ${database} with (force)`);
  rmSync(dataDir, { recursive: true, force: true });
}
