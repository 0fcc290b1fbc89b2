import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESPONSE_FILE } from './response/response-file.js';
import { MANIFEST_FILE, parseResponseTable, readRuleFiles, RuleFileError, ruleSetFromFiles, type RuleSet } from './rule-set.js';
import { loadSettings } from './settings.js';
import { syntaxOf, type TemplateSyntax } from './rationale.js';
import { PackManifestSchema } from './rule-file.js';
import { present } from '../lib/one-of.js';

export interface RuleFault { file: string; fault: string }
export interface PackCheck { ruleSet: RuleSet | null; faults: RuleFault[] }

/** Stands in for a broken manifest so that every rule file is still checked and reported. */
const STAND_IN_MANIFEST = JSON.stringify({ name: 'stand-in', version: '2000.1.1' });

function rawId(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { id?: unknown };
    return typeof parsed?.id === 'string' ? parsed.id : null;
  } catch {
    return null;
  }
}

function faultOf(error: unknown, file: string): RuleFault {
  if (error instanceof RuleFileError) return { file: error.file, fault: error.fault };
  return { file, fault: (error as Error).message };
}

/** The template language a manifest declares (the first, where it declares none or cannot be read). */
function templateSyntax(manifestText: string): TemplateSyntax {
  try {
    const parsed = PackManifestSchema.safeParse(JSON.parse(manifestText));
    return parsed.success ? syntaxOf(parsed.data) : 1;
  } catch {
    return 1;
  }
}

/** The files that hold the pack's test cases: every rule-pack*.test.ts in the test directory, so the cases can be split by area. */
export const RULE_TEST_FILE = /^rule-pack.*\.test\.ts$/;
const RULE_TEST_FILES_LABEL = 'rule-pack*.test.ts';

export function ruleTestFiles(testDir: string): string[] {
  if (!existsSync(testDir)) return [];
  return readdirSync(testDir).filter((f) => RULE_TEST_FILE.test(f)).sort().map((f) => join(testDir, f));
}

/** Whether a test file's text holds cases for a rule: the rule's id as a key of its `cases` record. */
export function hasCasesFor(text: string, id: string): boolean {
  return text.includes(`'${id}': {`) || text.includes(`${id}: {`);
}

/**
 * Every fault in a rule directory, each naming its file: bad JSON, schema
 * violations (unknown facts, unknown prompt actions, no sources …), a file
 * not named after its rule, duplicate ids, rules with no test cases in any
 * rule-pack*.test.ts of the test directory, and bad
 * settings, and a bad response table. Unlike loading, it does not stop at the first fault, so one run
 * tells the author everything to fix.
 */
export function checkRulePack(dir: string, options: { testDir: string }): PackCheck {
  if (!existsSync(dir)) return { ruleSet: null, faults: [{ file: dir, fault: 'no such rule directory' }] };
  const files = readRuleFiles(dir);
  const faults: RuleFault[] = [];

  let manifest = files.get(MANIFEST_FILE);
  try {
    // A probe file that always fails: the manifest is checked first, so a fault naming it is the manifest's own.
    ruleSetFromFiles(new Map([...(manifest === undefined ? [] : [[MANIFEST_FILE, manifest] as const]), ['(probe)', '']]));
  } catch (error) {
    const fault = faultOf(error, MANIFEST_FILE);
    if (fault.file === MANIFEST_FILE) {
      faults.push(fault);
      manifest = STAND_IN_MANIFEST;
    }
  }

  try {
    parseResponseTable(files.get(RESPONSE_FILE), templateSyntax(present(manifest, MANIFEST_FILE)));
  } catch (error) {
    faults.push(faultOf(error, RESPONSE_FILE));
  }

  const ruleFiles = [...files.keys()].filter((f) => f !== MANIFEST_FILE && f !== RESPONSE_FILE);
  if (ruleFiles.length === 0) faults.push({ file: dir, fault: 'no rule files found' });
  const filesById = new Map<string, string[]>();
  for (const file of ruleFiles) {
    const id = rawId(present(files.get(file), file));
    if (id) filesById.set(id, [...(filesById.get(id) ?? []), file]);
  }
  for (const [id, named] of filesById) {
    for (const file of named.length > 1 ? named : []) {
      faults.push({ file, fault: `duplicate rule id "${id}" (also in ${named.filter((f) => f !== file).join(', ')})` });
    }
  }

  const valid: string[] = [];
  for (const file of ruleFiles) {
    try {
      const [rule] = ruleSetFromFiles(new Map([[MANIFEST_FILE, present(manifest, MANIFEST_FILE)], [file, present(files.get(file), file)]])).rules;
      valid.push(present(rule, file).id);
    } catch (error) {
      faults.push(faultOf(error, file));
    }
  }

  const tests = ruleTestFiles(options.testDir).map((file) => readFileSync(file, 'utf8'));
  for (const id of valid) {
    if (!tests.some((text) => hasCasesFor(text, id))) {
      faults.push({ file: `${id}.json`, fault: `no test cases in ${RULE_TEST_FILES_LABEL} (add contacts that fire it and near misses that must not)` });
    }
  }

  try {
    loadSettings(join(dir, 'settings'));
  } catch (error) {
    faults.push({ file: 'settings', fault: (error as Error).message });
  }

  return { ruleSet: faults.length ? null : ruleSetFromFiles(files), faults };
}

/** The pack at a glance, as the check prints it: one row per rule. */
export function ruleTable(ruleSet: RuleSet): string {
  const rows = ruleSet.rules.map((r) => [r.id, String(r.weight), r.prompts.map((p) => `${p.action}:${p.indicator}`).join(' '), String(r.sources.length)]);
  const header = ['rule', 'weight', 'prompts', 'sources'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}
