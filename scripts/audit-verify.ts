import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { verifyAllChains } from '../src/domain/audit/verify-chain.js';

/**
 * `npm run audit:verify`: verifies every authority's audit chain in the
 * database npm start uses. Prints one line per authority; exits 1 on a break.
 * It only reads: run it as often as you like, against a replica if need be.
 */
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
let broken = 0;
try {
  await migrateToLatest(database.db);
  const started = performance.now();
  const reports = await verifyAllChains(database.db);
  for (const r of reports) {
    if (r.ok) {
      process.stdout.write(`${r.la}  ok      ${r.entriesChecked} entries\n`);
    } else {
      broken += 1;
      const b = r.firstBreak!;
      process.stdout.write(`${r.la}  BROKEN  at chain index ${b.chainIndex} (entry ${b.entryId ?? 'missing'}): ${b.reason}: ${b.detail}\n`);
    }
  }
  const total = reports.reduce((n, r) => n + r.entriesChecked, 0);
  process.stdout.write(`${reports.length} authorities, ${total} entries checked in ${Math.round(performance.now() - started)} ms; ${broken ? `${broken} broken` : 'all intact'}\n`);
} finally {
  await database.close();
}
process.exit(broken ? 1 : 0);
