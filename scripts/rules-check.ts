import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadRuleSet, RuleFileError } from '../src/rules/rule-set.js';
import { loadSettings, SettingsFileError } from '../src/rules/settings.js';

/**
 * `npm run rules:check [dir]`: validates a rule directory (schema, unique ids,
 * facts the facts module provides, prompt actions in the contract's
 * vocabulary, sources), checks that every rule has test cases, and prints
 * the rule set's hash and a table of its rules. Exits 1 on any fault.
 */
const dir = resolve(process.argv[2] ?? 'rules');
const testFile = resolve('tests/unit/rules/rule-pack.test.ts');

try {
  const ruleSet = loadRuleSet(dir);
  loadSettings(join(dir, 'settings'));
  const tests = readFileSync(testFile, 'utf8');
  const untested = ruleSet.rules.filter((r) => !tests.includes(`'${r.id}': {`) && !tests.includes(`${r.id}: {`));
  if (untested.length > 0) {
    process.stderr.write(`rules without test cases in ${testFile}: ${untested.map((r) => r.id).join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`${ruleSet.name} ${ruleSet.version}\n${ruleSet.hash}\n\n`);
  const rows = ruleSet.rules.map((r) => [r.id, String(r.weight), r.prompts.map((p) => `${p.action}:${p.indicator}`).join(' '), String(r.sources.length)]);
  const header = ['rule', 'weight', 'prompts', 'sources'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}\n`);
  process.stdout.write(`\n${ruleSet.rules.length} rules valid\n`);
} catch (error) {
  if (error instanceof RuleFileError || error instanceof SettingsFileError) {
    process.stderr.write(`rule pack invalid: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
