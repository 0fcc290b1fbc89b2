import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { whatIfReplay } from '../src/domain/rules/what-if-replay.js';
import { loadRuleSet, RuleFileError } from '../src/rules/rule-set.js';
import { formatWhatIf } from '../src/rules/what-if.js';

/**
 * `npm run rules:replay -- --candidate <dir> [--from 2026-01-01] [--to 2026-12-01] [--json]`:
 * what a candidate rule pack would have shown on past contacts (the latest
 * triage of each), against what was shown. Same database as npm start.
 */
const { values } = parseArgs({
  options: { candidate: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const instant = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) { process.stderr.write(`--${name} must be a date such as 2026-01-01\n`); process.exit(2); }
  return at;
};
if (!values.candidate) {
  process.stderr.write('usage: npm run rules:replay -- --candidate <rule dir> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\n');
  process.exit(2);
}
if (!existsSync(resolve(values.candidate))) {
  process.stderr.write(`no such rule directory: ${values.candidate}\n`);
  process.exit(2);
}
let candidate: ReturnType<typeof loadRuleSet>;
try {
  candidate = loadRuleSet(resolve(values.candidate));
} catch (error) {
  if (!(error instanceof RuleFileError)) throw error;
  process.stderr.write(`candidate rule pack invalid: ${error.message} (npm run rules:check -- ${values.candidate} lists every fault)\n`);
  process.exit(2);
}
const window = { from: instant('from', values.from), to: instant('to', values.to) };

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
try {
  await migrateToLatest(database.db);
  const report = await whatIfReplay(database.db, candidate, window);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatWhatIf(report)}\n`);
} finally {
  await database.close();
}
