import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../lib/canonical-json.js';
import { sha256 } from '../lib/hash.js';
import { syntaxOf, templateFaults, type TemplateSyntax } from './rationale.js';
import { RESPONSE_FILE, ResponseTableSchema, type ResponseTable } from './response/response-file.js';
import { PackManifestSchema, RuleFileSchema, type ConditionNode, type PackManifest, type RuleDefinition } from './rule-file.js';

/** A validated rule pack, identified by the hash of its content. */
export interface RuleSet {
  name: string;
  version: string;
  hash: string;
  manifest: PackManifest;
  rules: RuleDefinition[];
  /** The route and urgency table; null for packs made before it existed, whose triages carry a priority only. */
  response: ResponseTable | null;
}

/** What is stored for a rule set: enough to rebuild it and to check its hash. */
export interface StoredRuleSet { manifest: PackManifest; rules: RuleDefinition[]; response?: ResponseTable | null }

export function hashRuleSet(content: StoredRuleSet): string {
  // The hash covers what the rules mean, not how the files are spaced, so it survives a round trip through the database.
  // A pack without a response table hashes as it always did, so rule sets stored before the table still verify.
  const { manifest, rules, response } = content;
  return sha256(canonicalJson(response ? { manifest, rules, response } : { manifest, rules }));
}

/** What is kept of a rule set in the database: the response table only where the pack has one, as the hash expects. */
export function storedContent(ruleSet: RuleSet): StoredRuleSet {
  const { manifest, rules, response } = ruleSet;
  return response ? { manifest, rules, response } : { manifest, rules };
}

/** Rebuilds a stored rule set; refuses one whose content no longer matches its hash. */
export function ruleSetFromStored(hash: string, content: StoredRuleSet): RuleSet {
  const actual = hashRuleSet(content);
  if (actual !== hash) throw new RuleFileError('(stored rule set)', `content hashes to ${actual}, not ${hash}: it has been altered`);
  return { name: content.manifest.name, version: content.manifest.version, hash, manifest: content.manifest, rules: content.rules, response: content.response ?? null };
}

export class RuleFileError extends Error {
  constructor(readonly file: string, readonly fault: string) {
    super(`${file}: ${fault}`);
  }
}

export const MANIFEST_FILE = 'pack.json';

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RuleFileError(file, `not valid JSON (${(error as Error).message})`);
  }
}

/** Every fact a condition names, including facts used as comparison values. */
export function factsNamed(node: ConditionNode): string[] {
  if ('all' in node) return node.all.flatMap(factsNamed);
  if ('any' in node) return node.any.flatMap(factsNamed);
  if ('not' in node) return factsNamed(node.not);
  const value = node.value as { fact?: string } | null;
  return value && typeof value === 'object' && !Array.isArray(value) && value.fact ? [node.fact, value.fact] : [node.fact];
}

/** A reason whose template would show braces or unknown facts to the screener is refused when the pack is loaded, naming every fault. */
function checkRationale(file: string, rule: Pick<RuleDefinition, 'rationale'>, syntax: TemplateSyntax): void {
  const faults = templateFaults(rule.rationale, syntax);
  if (faults.length) throw new RuleFileError(file, `rationale: ${faults.join('; ')}`);
}

/** Builds a rule set from file contents (name → text): the same path serves the live pack, candidates and stored sets. */
export function ruleSetFromFiles(files: ReadonlyMap<string, string>): RuleSet {
  const manifestText = files.get(MANIFEST_FILE);
  if (manifestText === undefined) throw new RuleFileError(MANIFEST_FILE, 'missing: the pack needs a manifest with its name and version');
  const manifest = PackManifestSchema.safeParse(parseJson(MANIFEST_FILE, manifestText));
  if (!manifest.success) throw new RuleFileError(MANIFEST_FILE, manifest.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));

  const rules: RuleDefinition[] = [];
  const seen = new Map<string, string>();
  for (const [file, text] of [...files].filter(([name]) => name !== MANIFEST_FILE && name !== RESPONSE_FILE).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = RuleFileSchema.safeParse(parseJson(file, text));
    if (!parsed.success) {
      throw new RuleFileError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; '));
    }
    const rule = parsed.data;
    if (`${rule.id}.json` !== file) throw new RuleFileError(file, `the file must be named after the rule's id (${rule.id}.json)`);
    const other = seen.get(rule.id);
    if (other) throw new RuleFileError(file, `duplicate rule id "${rule.id}" (also in ${other})`);
    seen.set(rule.id, file);
    checkRationale(file, rule, syntaxOf(manifest.data));
    rules.push(rule);
  }
  if (rules.length === 0) throw new RuleFileError('(pack)', 'no rule files found');
  const response = parseResponseTable(files.get(RESPONSE_FILE), syntaxOf(manifest.data));
  const hash = hashRuleSet({ manifest: manifest.data, rules, response });
  return { name: manifest.data.name, version: manifest.data.version, hash, manifest: manifest.data, rules, response };
}

/** The pack's response table, validated; null when the pack has none. */
export function parseResponseTable(text: string | undefined, syntax: TemplateSyntax = 1): ResponseTable | null {
  if (text === undefined) return null;
  const parsed = ResponseTableSchema.safeParse(parseJson(RESPONSE_FILE, text));
  if (!parsed.success) {
    throw new RuleFileError(RESPONSE_FILE, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; '));
  }
  const table = parsed.data;
  const reasons = [...table.routes, ...table.urgency, ...table.modifiers, ...table.floors, ...table.duties].map((row) => ({ id: row.id, rationale: row.reason }));
  for (const row of reasons) checkRationale(`${RESPONSE_FILE} (${row.id})`, row, syntax);
  for (const [section, rows] of Object.entries({ routes: table.routes, urgency: table.urgency, modifiers: table.modifiers, floors: table.floors, duties: table.duties })) {
    const ids = new Set<string>();
    for (const row of rows) {
      if (ids.has(row.id)) throw new RuleFileError(RESPONSE_FILE, `duplicate ${section} row id "${row.id}"`);
      ids.add(row.id);
    }
  }
  return table;
}

export function readRuleFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    files.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return files;
}

export function loadRuleSet(dir: string): RuleSet {
  return ruleSetFromFiles(readRuleFiles(dir));
}
