import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AccuracySummary } from '../src/rules/accuracy/summary.js';
import { renderTransparencyRecord } from '../src/rules/atrs.js';
import { loadRuleSet } from '../src/rules/rule-set.js';
import { loadSettings } from '../src/rules/settings.js';

/**
 * `npm run rules:doc -- [out.md] [--rules dir] [--la E06000056]`: the
 * transparency record of a rule pack in Markdown, on standard output or to
 * the path given. With --la, the settings are that authority's.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rules: { type: 'string', default: 'rules' }, la: { type: 'string' } },
});
const dir = resolve(values.rules!);
const ruleSet = loadRuleSet(dir);
const book = loadSettings(join(dir, 'settings'));
const settings = values.la ? book.forAuthority(values.la) : { ...book.forAuthority('national'), la: null };
// The figures rules:evaluate --write keeps beside the docs; the record says if they belong to another version of the pack.
const accuracyFile = 'docs/rule-pack-accuracy.json';
const accuracy = existsSync(accuracyFile) ? JSON.parse(readFileSync(accuracyFile, 'utf8')) as AccuracySummary : null;
const markdown = renderTransparencyRecord({ ruleSet, settings: { la: settings.la, hash: settings.hash, values: settings.values }, inUseSince: null, generatedAt: new Date(), accuracy });

if (positionals[0]) {
  writeFileSync(positionals[0], `${markdown}\n`);
  process.stderr.write(`wrote ${positionals[0]} (${ruleSet.rules.length} rules, ${ruleSet.hash})\n`);
} else {
  process.stdout.write(`${markdown}\n`);
}
