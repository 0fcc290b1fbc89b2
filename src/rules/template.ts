import { countOf, joinWords } from '../lib/plural.js';
import { describeAge } from './children.js';
import type { FactValue } from './facts.js';

/**
 * The reason templates of packs that declare `"templates": 2` in pack.json:
 * a reason names only what holds, as a practitioner would write it.
 *
 * - `{{fact}}`: the value, a code's underscores read as spaces; a list is joined "a, b and c".
 * - `{{fact|age}}`: days as an age; `{{fact|list}}`: a list joined "a, b and c";
 *   `{{fact|count:noun}}` or `{{fact|count:noun:plural}}`: "1 baby", "2 babies".
 * - `{{if fact: text}}` / `{{unless fact: text}}`: the text only when the fact
 *   holds (true, a number above 0, a non-empty text or list) / does not;
 *   `{{if fact=value: text}}` when the fact has that value; `{{if a,b: text}}` when either holds.
 * - `{{and fact: phrase; fact: phrase; …}}` (or `{{or …}}`): the phrases of the
 *   facts that hold, joined "a, b and c"; `factA,factB: phrase` is said once if
 *   either holds; `else: phrase` is said when none holds.
 *
 * Texts and phrases may hold placeholders themselves. Anything else between
 * braces, and any brace outside a placeholder, is a fault at `rules:check`.
 */
export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'value'; fact: string; format: 'plain' | 'age' | 'list' | 'count'; noun?: string; plural?: string }
  | { kind: 'if'; facts: string[]; equals: string | null; negate: boolean; body: TemplateNode[] }
  | { kind: 'join'; conjunction: 'and' | 'or'; items: { facts: string[]; body: TemplateNode[] }[]; otherwise: TemplateNode[] | null };

const TEMPLATE_FORMATS = ['age', 'list', 'count:noun', 'count:noun:plural'] as const;

export interface ParsedTemplate { nodes: TemplateNode[]; faults: string[] }

const FACT_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** The index of the `}}` that closes the `{{` at `open`, counting nested placeholders; -1 if none does. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length - 1; i++) {
    if (text.startsWith('{{', i)) { depth++; i++; continue; }
    if (text.startsWith('}}', i)) {
      depth--;
      if (depth === 0) return i;
      i++;
    }
  }
  return -1;
}

/** Splits on a separator outside nested placeholders. */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('{{', i)) { depth++; i++; continue; }
    if (text.startsWith('}}', i)) { depth--; i++; continue; }
    if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Parses a template against the facts a reason may name; every fault is reported, each quoting its placeholder. */
export function parseTemplate(template: string, facts: ReadonlySet<string>): ParsedTemplate {
  const faults: string[] = [];
  const nodes = parseText(template, facts, faults);
  return { nodes, faults };
}

function parseText(text: string, facts: ReadonlySet<string>, faults: string[]): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('{{', i)) {
      const end = closing(text, i);
      if (end < 0) {
        faults.push(`"${text.slice(i, i + 40)}" opens a placeholder with {{ that is never closed with }}`);
        return nodes;
      }
      if (literal) nodes.push({ kind: 'text', text: literal });
      literal = '';
      const placeholder = text.slice(i, end + 2);
      const node = parsePlaceholder(text.slice(i + 2, end), placeholder, facts, faults);
      if (node) nodes.push(node);
      i = end + 1;
      continue;
    }
    const ch = text.charAt(i);
    if (ch === '{' || ch === '}') {
      faults.push(`a stray "${text.startsWith('}}', i) ? '}}' : ch}" near "${text.slice(Math.max(0, i - 20), i + 20)}" (placeholders are written {{fact}})`);
      if (text.startsWith('}}', i)) i++;
      continue;
    }
    literal += ch;
  }
  if (literal) nodes.push({ kind: 'text', text: literal });
  return nodes;
}

function checkFact(fact: string, placeholder: string, facts: ReadonlySet<string>, faults: string[]): boolean {
  if (!FACT_NAME.test(fact)) {
    faults.push(`${placeholder}: "${fact}" is not a fact name`);
    return false;
  }
  if (!facts.has(fact)) {
    faults.push(`${placeholder} names unknown fact "${fact}" (see FACT_CATALOGUE in src/rules/facts.ts)`);
    return false;
  }
  return true;
}

function parsePlaceholder(body: string, placeholder: string, facts: ReadonlySet<string>, faults: string[]): TemplateNode | null {
  const keyword = /^\s*(if|unless|and|or)\s+/.exec(body);
  if (keyword) {
    const rest = body.slice(keyword[0].length);
    if (keyword[1] === 'if' || keyword[1] === 'unless') {
      const colon = rest.indexOf(':');
      if (colon < 0) {
        faults.push(`${placeholder} needs "${keyword[1]} fact: text"`);
        return null;
      }
      const [named = '', equals] = rest.slice(0, colon).split('=').map((part) => part.trim());
      const ifFacts = named.split(',').map((f) => f.trim());
      if (!ifFacts.every((f) => checkFact(f, placeholder, facts, faults))) return null;
      if (equals === '') faults.push(`${placeholder} compares with nothing after "="`);
      if (equals !== undefined && ifFacts.length > 1) faults.push(`${placeholder} compares more than one fact with "="`);
      const inner = rest.slice(colon + 1).replace(/^ /, '');
      if (!inner.trim()) faults.push(`${placeholder} has no text to say`);
      return { kind: 'if', facts: ifFacts, equals: equals ?? null, negate: keyword[1] === 'unless', body: parseText(inner, facts, faults) };
    }
    const items: { facts: string[]; body: TemplateNode[] }[] = [];
    let otherwise: TemplateNode[] | null = null;
    for (const part of splitTop(rest, ';')) {
      const colon = part.indexOf(':');
      const fact = colon < 0 ? '' : part.slice(0, colon).trim();
      const phrase = colon < 0 ? '' : part.slice(colon + 1).trim();
      if (!fact || !phrase) {
        faults.push(`${placeholder}: "${part.trim()}" is not "fact: phrase"`);
        continue;
      }
      const named = fact.split(',').map((f) => f.trim());
      if (fact === 'else') otherwise = parseText(phrase, facts, faults);
      else if (named.every((f) => checkFact(f, placeholder, facts, faults))) items.push({ facts: named, body: parseText(phrase, facts, faults) });
    }
    if (items.length === 0) faults.push(`${placeholder} lists no facts`);
    return { kind: 'join', conjunction: keyword[1] as 'and' | 'or', items, otherwise };
  }
  const [factPart = '', format, ...extra] = body.split('|').map((s) => s.trim());
  if (extra.length) {
    faults.push(`${placeholder} has more than one format`);
    return null;
  }
  if (!checkFact(factPart, placeholder, facts, faults)) return null;
  if (format === undefined) return { kind: 'value', fact: factPart, format: 'plain' };
  if (format === 'age' || format === 'list') return { kind: 'value', fact: factPart, format };
  const count = /^count:([a-z][a-z -]*?)(?::([a-z][a-z -]*))?$/.exec(format);
  if (count?.[1]) return { kind: 'value', fact: factPart, format: 'count', noun: count[1], ...(count[2] ? { plural: count[2] } : {}) };
  faults.push(`${placeholder} uses unknown format "${format}" (use ${TEMPLATE_FORMATS.join(', ')})`);
  return null;
}

/** Whether a fact holds, for `if`, `unless`, `and` and `or`: true, a number above 0, a non-empty text or list. */
function factHolds(value: FactValue | undefined): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value > 0;
  if (typeof value === 'string') return value.length > 0;
  return value === true;
}

function renderValue(node: Extract<TemplateNode, { kind: 'value' }>, value: FactValue | undefined): string {
  if (value === null || value === undefined) return 'not known';
  if (node.format === 'age' && typeof value === 'number') return describeAge(Math.floor(value / 30.4375), value);
  if (node.format === 'count' && typeof value === 'number') return countOf(value, node.noun ?? '', node.plural);
  const words = (v: unknown) => String(v).replace(/_/g, ' ');
  if (Array.isArray(value)) return value.length ? joinWords(value.map(words)) : 'none';
  return words(value);
}

function renderNode(node: TemplateNode, facts: Readonly<Record<string, FactValue>>): string {
  if (node.kind === 'text') return node.text;
  if (node.kind === 'value') return renderValue(node, facts[node.fact]);
  if (node.kind === 'if') {
    const equals = node.equals;
    const holds = node.facts.some((fact) => {
      const value = facts[fact];
      return equals === null ? factHolds(value) : value !== null && value !== undefined && String(value) === equals;
    });
    return holds !== node.negate ? renderNodes(node.body, facts) : '';
  }
  const phrases = node.items.filter((item) => item.facts.some((f) => factHolds(facts[f]))).map((item) => renderNodes(item.body, facts));
  if (phrases.length) return joinWords(phrases, node.conjunction);
  return node.otherwise ? renderNodes(node.otherwise, facts) : '';
}

function renderNodes(nodes: readonly TemplateNode[], facts: Readonly<Record<string, FactValue>>): string {
  return nodes.map((node) => renderNode(node, facts)).join('');
}

/**
 * Fills a template; a phrase left out leaves no doubled space or space before
 * a stop, and a sentence that begins with a listed phrase begins with a capital.
 */
export function renderTemplate(nodes: readonly TemplateNode[], facts: Readonly<Record<string, FactValue>>): string {
  return renderNodes(nodes, facts)
    .replace(/ {2,}/g, ' ').replace(/ ([.,;:)])/g, '$1').replace(/\( /g, '(').trim()
    .replace(/(^|[.!?] )([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function describeNode(node: TemplateNode): string {
  if (node.kind === 'text') return node.text;
  if (node.kind === 'value') return `[${node.fact}]`;
  if (node.kind === 'if') return `[${node.negate ? 'unless' : 'if'} ${node.facts.join(' or ')}${node.equals === null ? '' : ` is ${node.equals}`}: ${describeTemplate(node.body)}]`;
  const items = node.items.map((i) => `${describeTemplate(i.body)} (${i.facts.join(' or ')})`).join('; ');
  return `[${node.conjunction === 'and' ? 'those that hold of' : 'one or more of'}: ${items}${node.otherwise ? `; if none, ${describeTemplate(node.otherwise)}` : ''}]`;
}

/** The template for the transparency record: each placeholder as the facts it reads. */
export function describeTemplate(nodes: readonly TemplateNode[]): string {
  return nodes.map(describeNode).join('');
}
