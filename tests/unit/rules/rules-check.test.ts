import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRulePack, ruleTestFiles } from '../../../src/rules/check.js';

/** The rule pack's cases may be split over several rule-pack*.test.ts files in this directory. */
const TEST_DIR = resolve('tests/unit/rules');
const dirs: string[] = [];

/** A copy of the live pack in a temp dir, changed by `edit`. */
function packWith(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-check-'));
  dirs.push(dir);
  cpSync('rules', dir, { recursive: true });
  edit(dir);
  return dir;
}
const readRule = (dir: string, id: string) => JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'));
const writeRule = (dir: string, file: string, rule: unknown) => writeFileSync(join(dir, file), JSON.stringify(rule, null, 2));
const changeRule = (id: string, change: (rule: Record<string, unknown>) => Record<string, unknown>) =>
  (dir: string) => writeRule(dir, `${id}.json`, change(readRule(dir, id)));

afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });

describe('rules:check', () => {
  it('accepts the live pack', () => {
    const { ruleSet, faults } = checkRulePack(resolve('rules'), { testDir: TEST_DIR });
    expect(faults).toEqual([]);
    expect(ruleSet!.rules.length).toBeGreaterThan(20);
  });

  const classes: [string, (dir: string) => void, { file: string; fault: RegExp }][] = [
    ['bad JSON', (dir) => writeFileSync(join(dir, 'under-one.json'), '{ "id": "under-one", '), { file: 'under-one.json', fault: /not valid JSON/ }],
    ['a schema violation', changeRule('under-one', (r) => ({ ...r, weight: 'heavy' })), { file: 'under-one.json', fault: /^weight / }],
    ['a duplicate id', (dir) => writeRule(dir, 'under-one-again.json', readRule(dir, 'under-one')), { file: 'under-one-again.json', fault: /duplicate rule id "under-one" \(also in under-one.json\)/ }],
    ['an unknown fact', changeRule('under-one', (r) => ({ ...r, conditions: { all: [{ fact: 'babyCount', operator: 'greaterThan', value: 0 }] } })), { file: 'under-one.json', fault: /conditions\.all\.0\.fact is not a fact the facts module provides/ }],
    ['an unknown fact in a rationale', changeRule('under-one', (r) => ({ ...r, rationale: 'A baby is named: {{babyName}} needs checking today.' })), { file: 'under-one.json', fault: /rationale: \{\{babyName\}\} names unknown fact "babyName"/ }],
    ['an unknown fact in a listed phrase', changeRule('concerning-injury', (r) => ({ ...r, rationale: 'An injury is concerning: {{and ten4FacesInjury: a TEN-4 site; biteMarks: a bite}}.' })), { file: 'concerning-injury.json', fault: /\{\{and ten4FacesInjury: a TEN-4 site; biteMarks: a bite\}\} names unknown fact "biteMarks"/ }],
    ['an unknown format', changeRule('concerning-injury', (r) => ({ ...r, rationale: 'An injury is concerning for abuse: {{ten4FacesInjury|yesno}} today.' })), { file: 'concerning-injury.json', fault: /\{\{ten4FacesInjury\|yesno\}\} uses unknown format "yesno"/ }],
    ['a placeholder never closed', changeRule('under-one', (r) => ({ ...r, rationale: 'A baby under one is named: {{underOneCount|count:baby and more text.' })), { file: 'under-one.json', fault: /opens a placeholder with \{\{ that is never closed/ }],
    ['a stray closing brace pair', changeRule('under-one', (r) => ({ ...r, rationale: 'A baby under one is named}} in a contact about harm.' })), { file: 'under-one.json', fault: /a stray "\}\}"/ }],
    ['a stray single brace', changeRule('under-one', (r) => ({ ...r, rationale: 'A baby under one is named {underOneCount} in a contact about harm.' })), { file: 'under-one.json', fault: /a stray "\{"/ }],
    ['a condition with no text', changeRule('under-one', (r) => ({ ...r, rationale: 'A baby under one is named in a contact about harm {{if anyUnborn}}.' })), { file: 'under-one.json', fault: /\{\{if anyUnborn\}\} needs "if fact: text"/ }],
    ['an unknown placeholder in the response table', (dir) => {
      const table = JSON.parse(readFileSync(join(dir, 'response.json'), 'utf8'));
      table.duties[0].reason = 'Speak with {{childNames}} alone where appropriate, today.';
      writeFileSync(join(dir, 'response.json'), JSON.stringify(table));
    }, { file: 'response.json (speak-to-the-child)', fault: /\{\{childNames\}\} names unknown fact "childNames"/ }],
    ['a placeholder the first template language would show as written', (dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8'));
      writeFileSync(join(dir, 'pack.json'), JSON.stringify({ ...manifest, templates: undefined }));
      writeRule(dir, 'concerning-injury.json', { ...readRule(dir, 'concerning-injury'), rationale: 'TEN-4-FACESp site or age {{ten4FacesInjury|yesno}} is recorded.' });
    }, { file: 'concerning-injury.json', fault: /"\{\{ten4FacesInjury\|yesno\}\}" is not a placeholder this pack's template language reads/ }],
    ['an unknown prompt action', changeRule('fgm', (r) => ({ ...r, prompts: [{ action: 'call_the_family', indicator: 'critical' }] })), { file: 'fgm.json', fault: /prompts\.0\.action Invalid option/ }],
    ['no sources', changeRule('fgm', (r) => ({ ...r, sources: [] })), { file: 'fgm.json', fault: /every rule cites at least one source/ }],
    ['missing sources', changeRule('fgm', ({ sources: _s, ...r }) => r), { file: 'fgm.json', fault: /^sources / }],
    ['a rule without test cases', (dir) => writeRule(dir, 'untested-rule.json', { ...readRule(dir, 'fgm'), id: 'untested-rule' }), { file: 'untested-rule.json', fault: /no test cases in rule-pack\*\.test\.ts/ }],
    ['a file not named after its id', (dir) => { writeRule(dir, 'female-genital-mutilation.json', readRule(dir, 'fgm')); unlinkSync(join(dir, 'fgm.json')); }, { file: 'female-genital-mutilation.json', fault: /must be named after the rule's id \(fgm\.json\)/ }],
    ['a bad manifest', (dir) => writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: 'x', version: 'v1' })), { file: 'pack.json', fault: /version must look like/ }],
    ['bad settings', (dir) => writeFileSync(join(dir, 'settings', 'E06000056.json'), JSON.stringify({ repeatContactThreshold: 0 })), { file: 'settings', fault: /E06000056\.json: repeatContactThreshold/ }],
  ];

  it.each(classes)('rejects %s, naming the file', (_, edit, expected) => {
    const { ruleSet, faults } = checkRulePack(packWith(edit), { testDir: TEST_DIR });
    expect(ruleSet).toBeNull();
    expect(faults).toContainEqual({ file: expected.file, fault: expect.stringMatching(expected.fault) });
  });

  describe('where it looks for test cases', () => {
    /** A test directory holding a copy of the live case files, plus `extra` (file name → text). */
    function testDirWith(extra: Record<string, string>): string {
      const dir = mkdtempSync(join(tmpdir(), 'rules-check-tests-'));
      dirs.push(dir);
      for (const file of ruleTestFiles(TEST_DIR)) cpSync(file, join(dir, file.slice(TEST_DIR.length + 1)));
      for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
      return dir;
    }
    const withNewRule = () => packWith((dir) => writeRule(dir, 'new-rule.json', { ...readRule(dir, 'fgm'), id: 'new-rule' }));
    const casesFor = (id: string) => `const cases = {\n  '${id}': {\n    fires: [],\n    doesNotFire: [],\n  },\n};\n`;

    it('lists every rule-pack*.test.ts in the directory, and nothing else', () => {
      const dir = testDirWith({ 'rule-pack.extra.test.ts': '', 'other.test.ts': '', 'rule-pack.harness.ts': '' });
      const names = ruleTestFiles(dir).map((f) => f.slice(dir.length + 1));
      expect(names).toContain('rule-pack.test.ts');
      expect(names).toContain('rule-pack.extra.test.ts');
      expect(names.every((n) => /^rule-pack.*\.test\.ts$/.test(n))).toBe(true);
      expect(names).toEqual([...names].sort());
    });

    it('accepts a rule whose cases are in any rule-pack*.test.ts file', () => {
      const { faults } = checkRulePack(withNewRule(), { testDir: testDirWith({ 'rule-pack.extra.test.ts': casesFor('new-rule') }) });
      expect(faults).toEqual([]);
    });

    it('does not count cases in a file outside the pattern', () => {
      const testDir = testDirWith({ 'other.test.ts': casesFor('new-rule'), 'rule-pack.extra.ts': casesFor('new-rule') });
      const { faults } = checkRulePack(withNewRule(), { testDir });
      expect(faults).toEqual([{ file: 'new-rule.json', fault: expect.stringMatching(/^no test cases in rule-pack\*\.test\.ts/) }]);
    });

    it('reports every rule when the test directory does not exist', () => {
      const { faults } = checkRulePack(resolve('rules'), { testDir: join(tmpdir(), 'no-such-rule-tests') });
      expect(faults.length).toBeGreaterThan(20);
      expect(faults.every((f) => /^no test cases in/.test(f.fault))).toBe(true);
    });
  });

  it('reports every fault in one run, not only the first', () => {
    const dir = packWith((d) => {
      writeFileSync(join(d, 'under-one.json'), 'not json');
      changeRule('fgm', (r) => ({ ...r, sources: [] }))(d);
    });
    const { faults } = checkRulePack(dir, { testDir: TEST_DIR });
    expect(faults.map((f) => f.file).sort()).toEqual(['fgm.json', 'under-one.json']);
  });

  it('exits 1 from the command line and names the file', () => {
    const dir = packWith(changeRule('fgm', (r) => ({ ...r, sources: [] })));
    let failure: { status: number; stderr: string } | null = null;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/rules-check.ts', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain('fgm.json: sources every rule cites at least one source');
  });
});
