import { resolve } from 'node:path';
import { checkRulePack, ruleTable } from '../src/rules/check.js';
import { countOf } from '../src/lib/plural.js';

/**
 * `npm run rules:check [dir] [testDir]`: validates a rule directory and prints
 * the rule set's hash and a table of its rules; lists every fault, each naming
 * its file, and exits 1 if there is any. A rule's test cases may be in any
 * rule-pack*.test.ts in testDir (default tests/unit/rules). The checks live
 * in src/rules/check.ts.
 */
const dir = resolve(process.argv[2] ?? 'rules');
const testDir = resolve(process.argv[3] ?? 'tests/unit/rules');
const { ruleSet, faults } = checkRulePack(dir, { testDir });

if (!ruleSet) {
  process.stderr.write(`rule pack invalid (${countOf(faults.length, 'fault')}):\n`);
  for (const { file, fault } of faults) process.stderr.write(`  ${file}: ${fault}\n`);
  process.exit(1);
}
process.stdout.write(`${ruleSet.name} ${ruleSet.version}\n${ruleSet.hash}\n\n${ruleTable(ruleSet)}\n\n${ruleSet.rules.length} rules valid\n`);
