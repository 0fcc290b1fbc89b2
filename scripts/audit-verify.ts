import { join } from 'node:path';
import { noteSigner, parseVerifierKey } from '../src/audit/checkpoint.js';
import { resolveSigningKey } from '../src/audit/signing-key.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { verifyAllChains } from '../src/domain/audit/verify-chain.js';

/**
 * `npm run audit:verify`: verifies every authority's audit log in the
 * database npm start uses: each signed checkpoint's signature, the entries
 * against the tree and every checkpoint's root (so each checkpoint extends
 * the one before), the old hash chain link by link, and entries written but
 * never integrated. Prints one line per authority; exits 1 on a break.
 * It only reads: run it as often as you like, against a replica if need be.
 */
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
const signer = noteSigner(config.audit.origin, resolveSigningKey(config.audit.signingKey, config.dataDir).pem);
const deps = { db: database.db, audit: { signer, verifier: parseVerifierKey(signer.verifierKey), config: config.audit } };
let broken = 0;
try {
  await migrateToLatest(database.db);
  const started = performance.now();
  const reports = await verifyAllChains(deps);
  for (const r of reports) {
    const tree = r.checkpoint ? `tree ${r.checkpoint.treeSize}, ${r.checkpointsChecked} checkpoints` : 'no checkpoint yet';
    if (r.ok) {
      process.stdout.write(`${r.la}  ok      ${r.entriesChecked} entries, ${tree}, ${r.pending} waiting for a place\n`);
    } else {
      broken += 1;
      const b = r.firstBreak!;
      const where = b.chainIndex === null ? 'an entry never placed' : `leaf ${b.chainIndex}`;
      process.stdout.write(`${r.la}  BROKEN  at ${where} (entry ${b.entryId ?? 'missing'}): ${b.reason}: ${b.detail}\n`);
    }
  }
  const total = reports.reduce((n, r) => n + r.entriesChecked, 0);
  process.stdout.write(`${reports.length} authorities, ${total} entries checked in ${Math.round(performance.now() - started)} ms; ${broken ? `${broken} broken` : 'all intact'}\n`);
  process.stdout.write(`verifier key: ${signer.verifierKey}\n`);
} finally {
  await database.close();
}
process.exit(broken ? 1 : 0);
