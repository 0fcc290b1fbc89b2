import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { appSettings, buildApp } from '../../src/app.js';
import { createTokenVerifier, signLocalToken } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { buildDeps } from '../../src/deps.js';
import { contactGenerator } from './contact-generator.js';
import { createBenchDatabase, DEFAULT_SERVER } from './pg-database.js';

/**
 * npm run bench:statements [-- --requests N]
 *
 * Issue 19: what one triage request (POST /api/v1/contacts) sends to
 * PostgreSQL. Every query the pg driver sends is counted (BEGIN and COMMIT
 * included: each is a round trip), grouped by its first words, and divided by
 * the requests made. The requests run one after another, so each query's
 * round trip is on the request's path.
 */
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';
const LA = 'E06000056';
const requests = Number(process.argv[process.argv.indexOf('--requests') + 1] || 50) || 50;

const seen = new Map<string, number>();
const bytes = new Map<string, number>();
const sizeOf = (values: unknown): number => (Array.isArray(values) ? values.reduce((n: number, v) => n + (v === null || v === undefined ? 0 : Buffer.byteLength(typeof v === 'string' ? v : String(v instanceof Date ? v.toISOString() : v))), 0) : 0);
let counting = false;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  if (counting) {
    const first = args[0];
    const text = typeof first === 'string' ? first : String((first as { text?: string }).text ?? '');
    const kind = text.replace(/\s+/g, ' ').trim().slice(0, 60);
    seen.set(kind, (seen.get(kind) ?? 0) + 1);
    bytes.set(kind, (bytes.get(kind) ?? 0) + Buffer.byteLength(text) + sizeOf(args[1] ?? (first as { values?: unknown }).values));
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

async function main() {
  const target = await createBenchDatabase(process.env.DATABASE_URL || DEFAULT_SERVER);
  const dataDir = mkdtempSync(join(tmpdir(), 'mash-statements-'));
  try {
    const config = loadConfig({
      MASH_JWT_SECRET: SECRET, LOG_LEVEL: 'info', MASH_DATA_DIR: dataDir, MASH_RATE_LIMIT_PER_MINUTE: '1000000',
      DATABASE_URL: target.url, MASH_SESSION_SECRET: SECRET,
    });
    const logger = pino({ level: 'silent' });
    const { deps, database } = await buildDeps(config, { logger });
    try {
      const app = buildApp(deps, { tokens: createTokenVerifier(config), bodyLimitBytes: config.bodyLimitBytes, ...appSettings(config) });
      const token = await signLocalToken(new TextEncoder().encode(SECRET), { sub: 'bench-screener', role: 'screener', la: LA }, { issuer: config.jwtIssuer, audience: config.jwtAudience });
      const next = contactGenerator({ seed: 11, now: new Date() });
      const send = async () => {
        const response = await app.request('/api/v1/contacts', {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(next()),
        });
        if (response.status !== 201) throw new Error(`POST /api/v1/contacts answered ${response.status}: ${await response.text()}`);
      };
      await send(); // the first request warms caches the others share
      counting = true;
      for (let i = 0; i < requests; i += 1) await send();
      counting = false;
      const total = [...seen.values()].reduce((a, b) => a + b, 0);
      const sent = [...bytes.values()].reduce((a, b) => a + b, 0);
      const kb = (n: number) => `${(n / requests / 1024).toFixed(1).padStart(6)} KB`;
      process.stdout.write(`${requests} triage requests, one at a time: ${(total / requests).toFixed(2)} statements (round trips) and ${kb(sent).trim()} of SQL and parameters a request\n`);
      for (const [kind, n] of [...seen].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${(n / requests).toFixed(2).padStart(6)}  ${kb(bytes.get(kind) ?? 0)}  ${kind}\n`);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await target.drop();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
