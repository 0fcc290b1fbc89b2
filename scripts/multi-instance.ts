import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { noteSigner, generateSigningKeyPem, parseVerifierKey } from '../src/audit/checkpoint.js';
import { signLocalToken } from '../src/auth/tokens.js';
import { openDatabase } from '../src/db/client.js';
import { PARTNERS } from '../src/schemas/codes.js';
import { verifyAllChains } from '../src/domain/audit/verify-chain.js';
import { startDbProxy } from '../tests/support/db-proxy.js';
import { startFakePartner } from './fake-partner.js';
import { releaseAndDispatch } from './multi-instance-checks.js';
import { adminStatement, freePort, sleep } from './local-server.js';

/**
 * Several instances as one service (issue 16): three instances on one PostgreSQL, each through a TCP proxy that
 * can freeze a connection silently (no bytes either way, no close heard: a partition) in the middle of a contact's
 * transaction, at its audit write. Clients post contacts for two authorities through all instances, retrying with
 * the same Idempotency-Key; then: no contact lost or duplicated, the frozen authority recovered, one rate limit
 * across the instances, partner checks sent once per idempotency key while the instances' dispatchers compete and
 * a connection freezes, and every audit chain verifies.
 *   npm run multi-instance -- [--seconds 45] [--clients 6] [--faults 2] [--database-url postgres://…]
 */
const USAGE = 'Usage: npm run multi-instance -- [--seconds 45] [--clients 6] [--faults 2] [--database-url postgres://…]\n';
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '45' }, clients: { type: 'string', default: '6' }, faults: { type: 'string', default: '2' },
    'database-url': { type: 'string' }, help: { type: 'boolean', default: false },
  },
});
if (values.help) { process.stdout.write(USAGE); process.exit(0); }
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const FAULTS = Number(values.faults);
const ADMIN_URL = values['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const INSTANCES = 3;
const RATE_LIMIT = 300;
/** Screeners each load client speaks for, so that none of them reaches RATE_LIMIT: the load measures the service, the probe below the limit. */
const SCREENERS_PER_CLIENT = 10;
const SECRET = randomBytes(32).toString('base64url');
const AUTHORITIES = ['E06000056', 'E06000055'];
/** Contacts whose partner checks are given a basis and sent after the load: each raises checks with three partners. */
const RELEASED_CONTACTS = 40;

const admin = (statement: string) => adminStatement(ADMIN_URL, statement);

const database = `mash_multi_${randomBytes(4).toString('hex')}`;
const target = new URL(ADMIN_URL);
const dataDir = mkdtempSync(`${tmpdir()}/mash-multi-`);
// One checkpoint key for every instance, as a deployment on one database must have.
const AUDIT_KEY = generateSigningKeyPem();
const AUDIT_ORIGIN = 'mash-triage/multi-instance';
const tokens = new Map<string, string>();
const tokenFor = async (la: string, sub: string) => {
  const key = `${la} ${sub}`;
  if (!tokens.has(key)) tokens.set(key, await signLocalToken(new TextEncoder().encode(SECRET), { sub, role: 'screener', la }, { issuer: 'mash-triage', audience: 'mash-triage' }));
  return tokens.get(key)!;
};
const contactBody = (marker: string) => JSON.stringify({
  receivedAt: '2026-11-24T10:00:00Z', channel: 'phone', referrer: { source: '2A' },
  children: [{ givenName: 'Multi', dateOfBirth: '2020-09-01', injuries: [{ type: 'bruise', sites: ['face'] }] }],
  adults: [{ role: 'mother', livesWithChild: true }], concerns: ['18C'], narrative: marker,
});

interface Instance { port: number; child: ChildProcess; proxy: Awaited<ReturnType<typeof startDbProxy>> }
const instances: Instance[] = [];
const counts = { sent: 0, created: 0, replayed: 0, unavailable: 0, limited: 0, other: 0, noAnswer: 0 };
const confirmed = new Map<string, string>(); // marker → contact id
const stored: { la: string; sentAt: number; at: number }[] = []; // every 201, with when its request was sent

async function post(instance: Instance, la: string, sub: string, marker: string, key: string): Promise<boolean> {
  counts.sent++;
  const sentAt = Date.now();
  try {
    const res = await fetch(`http://127.0.0.1:${instance.port}/api/v1/contacts`, {
      method: 'POST', body: contactBody(marker), signal: AbortSignal.timeout(60_000),
      headers: { authorization: `Bearer ${await tokenFor(la, sub)}`, 'content-type': 'application/json', 'idempotency-key': key },
    });
    const body = await res.json() as { id?: string };
    if (res.status === 201) {
      if (res.headers.get('idempotent-replayed')) counts.replayed++; else counts.created++;
      confirmed.set(marker, body.id!);
      stored.push({ la, sentAt, at: Date.now() });
      return true;
    }
    if (res.status === 503) counts.unavailable++;
    else if (res.status === 429) counts.limited++; // a screener over the per-user limit: should not happen with ten a client
    else counts.other++;
  } catch {
    counts.noAnswer++;
  }
  return false;
}

await admin(`create database ${database}`);
const started = Date.now();
const partner = await startFakePartner({ failFirstEvery: 5 });
// Every partner of both authorities takes requests by API at the fake partner; the rest of the settings are the shipped ones.
const shipped = JSON.parse(readFileSync('rules/settings/partners.json', 'utf8')) as Record<string, unknown>;
const endpoints = Object.fromEntries(PARTNERS.filter((p) => p !== 'previous_authority').map((p) => [p, { url: `${partner.url}/${p}` }]));
const partnersFile = `${dataDir}/partners.json`;
writeFileSync(partnersFile, JSON.stringify({ ...shipped, authorities: Object.fromEntries(AUTHORITIES.map((la) => [la, endpoints])) }));
try {
  for (let i = 0; i < INSTANCES; i++) {
    const proxy = await startDbProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(ADMIN_URL);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    url.pathname = `/${database}`;
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url.toString(), MASH_JWT_SECRET: SECRET, MASH_SESSION_SECRET: SECRET,
        MASH_DATA_DIR: dataDir, MASH_AUDIT_SIGNING_KEY: AUDIT_KEY, MASH_AUDIT_ORIGIN: AUDIT_ORIGIN, LOG_LEVEL: 'silent', MASH_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        MASH_PARTNERS_FILE: partnersFile, MASH_CHECK_DISPATCH_INTERVAL_MS: '250', MASH_CHECK_RETRY_BASE_MS: '500', MASH_CHECK_MAX_ATTEMPTS: '8', MASH_PARTNER_TIMEOUT_MS: '2000',
      },
    });
    instances.push({ port, child, proxy });
  }
  for (const instance of instances) {
    for (;;) {
      if (instance.child.exitCode !== null) throw new Error(`an instance exited with ${instance.child.exitCode} while starting`);
      try { if ((await fetch(`http://127.0.0.1:${instance.port}/readyz`)).ok) break; } catch { /* not yet */ }
      await sleep(200);
    }
  }

  // Faults: at even intervals, the next statement that appends to an authority's chain freezes its connection.
  const recoveries: number[] = [];
  const faultTimes: number[] = [];
  const loadEnds = Date.now() + SECONDS * 1000;
  const faults = (async () => {
    const loadStarted = Date.now();
    for (let f = 0; f < FAULTS; f++) {
      await sleep(Math.max(0, loadStarted + ((f + 1) * SECONDS * 1000) / (FAULTS + 1) - Date.now()));
      const instance = instances[f % INSTANCES]!;
      const before = instance.proxy.freezes;
      instance.proxy.freezeWhenSent('insert into "audit_log"');
      while (instance.proxy.freezes === before && Date.now() < loadEnds) await sleep(20);
      if (instance.proxy.freezes === before) break;
      const frozeAt = Date.now();
      faultTimes.push(frozeAt);
      // Recovered: for every authority (the frozen connection held one's chain head), a contact sent after the
      // freeze has been stored. A request already past its append when the freeze came does not count.
      const firstAfter = () => AUTHORITIES.map((la) => stored.find((s) => s.la === la && s.sentAt > frozeAt)?.at);
      while (firstAfter().some((at) => at === undefined) && Date.now() < loadEnds + 60_000) await sleep(50);
      recoveries.push(Math.max(...firstAfter().map((at) => (at ?? Date.now()) - frozeAt)));
    }
  })();

  let next = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
    const la = AUTHORITIES[client % AUTHORITIES.length]!;
    while (Date.now() < loadEnds) {
      const n = next++;
      // Each request is one of ten screeners of its client's, the same one on every retry (its idempotency key is theirs):
      // as one user each, the clients ran into their own 300-a-minute limit, and an authority whose screeners were all
      // refused for the rest of a minute showed as a 25 s "recovery" after a fault that had nothing to do with it.
      const sub = `multi-screener-${client}-${n % SCREENERS_PER_CLIENT}`;
      const marker = `multi-${database}-${n}`;
      const key = `key-${n}`;
      // Retry with the same key, through whichever instance comes next, until stored (or long after the load ends).
      for (let attempt = 0; !(await post(instances[(n + attempt) % INSTANCES]!, la, sub, marker, key)) && Date.now() < loadEnds + 90_000; attempt++) {
        await sleep(200);
      }
    }
  }));
  await faults;

  // One user, one limit: RATE_LIMIT + 20 requests spread over three instances let RATE_LIMIT through in all.
  let allowed = 0;
  let limited = 0;
  const probe = await tokenFor(AUTHORITIES[0]!, 'rate-probe');
  for (let i = 0; i < RATE_LIMIT + 20; i += 10) {
    const batch = await Promise.all(Array.from({ length: Math.min(10, RATE_LIMIT + 20 - i) }, (_, j) =>
      fetch(`http://127.0.0.1:${instances[(i + j) % INSTANCES]!.port}/api/v1/rules`, { headers: { authorization: `Bearer ${probe}` } }).then((r) => r.status)));
    allowed += batch.filter((s) => s === 200).length;
    limited += batch.filter((s) => s === 429).length;
  }

  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 2 });
  const problems: string[] = [];
  try {
    const checks = await releaseAndDispatch({ db: handle.db, partner, instances, tokenFor, contactIds: [...confirmed.values()].slice(0, RELEASED_CONTACTS) });
    problems.push(...checks.problems);
    const rows = await handle.db.selectFrom('contacts').select(['id', (eb) => eb.ref('record', '->>').key('narrative' as never).as('marker')]).execute();
    const byMarker = new Map<string, string[]>();
    for (const r of rows) byMarker.set(String(r.marker), [...(byMarker.get(String(r.marker)) ?? []), r.id]);
    let lost = 0;
    let duplicated = 0;
    for (const [marker, id] of confirmed) {
      const ids = byMarker.get(marker) ?? [];
      if (ids.length === 0) lost++;
      if (ids.length > 1) duplicated++;
      if (ids.length === 1 && ids[0] !== id) problems.push(`${marker}: answered ${id}, stored ${ids[0]}`);
    }
    const duplicatesUnconfirmed = [...byMarker.values()].filter((ids) => ids.length > 1).length;
    const signer = noteSigner(AUDIT_ORIGIN, AUDIT_KEY);
    const auditConfig = { signingKey: AUDIT_KEY, origin: AUDIT_ORIGIN, sequenceIntervalMs: 0, strandedAfterSeconds: 60 };
    const chains = await verifyAllChains({ db: handle.db, audit: { signer, verifier: parseVerifierKey(signer.verifierKey), config: auditConfig } });
    const broken = chains.filter((c) => !c.ok).length;
    if (lost) problems.push(`${lost} confirmed contacts lost`);
    if (duplicated || duplicatesUnconfirmed) problems.push(`${Math.max(duplicated, duplicatesUnconfirmed)} contacts stored more than once`);
    if (faultTimes.length !== FAULTS) problems.push(`${FAULTS} faults asked for, ${faultTimes.length} injected`);
    if (counts.limited) problems.push(`${counts.limited} load requests refused by the per-user limit: the recovery times would measure the limit, not the service`);
    if (allowed !== RATE_LIMIT) problems.push(`rate limit ${RATE_LIMIT}/min across instances let ${allowed} through`);
    if (broken) problems.push(`${broken} audit chains broken`);
    process.stdout.write([
      `multi-instance: ${INSTANCES} instances on one PostgreSQL, ${CLIENTS} clients over ${AUTHORITIES.length} authorities, ${Math.round((Date.now() - started) / 1000)} s`,
      `requests ${counts.sent}: 201 new ${counts.created}, 201 replayed ${counts.replayed}, 503 ${counts.unavailable}, 429 (the user's rate limit) ${counts.limited}, other ${counts.other}, no answer ${counts.noAnswer}`,
      `silent connection faults injected: ${faultTimes.length}; time until both authorities stored contacts again: ${recoveries.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ') || '—'}`,
      `contacts confirmed ${confirmed.size}, in the database ${rows.length}; lost ${lost}, duplicated ${duplicated}`,
      `rate limit ${RATE_LIMIT}/min for one user over ${INSTANCES} instances: ${allowed} allowed, ${limited} refused`,
      `partner checks: ${checks.released} given a basis through all instances (connection frozen ${checks.freezes}×), ${checks.delivered} delivered in ${checks.seconds} s; ` +
        `${checks.requests} requests (${checks.refusedFirst} first tries refused by the partner and retried, ${checks.sentAgain} sent again after delivery, each under the same key); ` +
        `${checks.dispatchedEntries} check.dispatched audit entries`,
      `audit chains: ${chains.length} verified, ${broken} broken (${chains.reduce((n, c) => n + c.entriesChecked, 0)} entries)`,
      problems.length === 0 ? 'all held' : `PROBLEMS:\n  ${problems.join('\n  ')}`,
      '',
    ].join('\n'));
    process.exitCode = problems.length === 0 ? 0 : 1;
  } finally {
    await handle.close();
  }
} finally {
  for (const instance of instances) instance.child.kill('SIGTERM');
  await Promise.all(instances.map((i) => (i.child.exitCode === null ? new Promise((r) => i.child.once('exit', r)) : null)));
  for (const instance of instances) await instance.proxy.close();
  await partner.close();
  await admin(`drop database if exists ${database} with (force)`);
  rmSync(dataDir, { recursive: true, force: true });
}
