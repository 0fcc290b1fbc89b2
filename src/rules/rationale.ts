import { describeAge } from './children.js';
import { FACT_CATALOGUE, type FactValue } from './facts.js';
import { FORMATS, PLACEHOLDER, type PackManifest } from './rule-file.js';
import { describeTemplate, parseTemplate, renderTemplate, type TemplateNode } from './template.js';

/**
 * Which template language a pack's reasons are written in: 2 for packs that
 * declare `"templates": 2` (src/rules/template.ts), 1 for the packs before
 * them, which are rendered exactly as they were when their triages were
 * stored, so that a replay gives back the same words.
 */
export type TemplateSyntax = 1 | 2;
export const syntaxOf = (manifest: Pick<PackManifest, 'templates'>): TemplateSyntax => manifest.templates ?? 1;

const KNOWN_FACTS: ReadonlySet<string> = new Set(Object.keys(FACT_CATALOGUE));

function formatV1(value: FactValue | undefined, as: string | undefined): string {
  if (value === null || value === undefined) return 'not known';
  if (as === 'age' && typeof value === 'number') return describeAge(Math.floor(value / 30.4375), value);
  if (as === 'yesno') return value === true ? 'yes' : value === false ? 'no' : String(value);
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return String(value);
}

const parsed = new Map<string, TemplateNode[]>();

function nodesOf(template: string): TemplateNode[] {
  let nodes = parsed.get(template);
  if (!nodes) {
    nodes = parseTemplate(template, KNOWN_FACTS).nodes;
    parsed.set(template, nodes);
  }
  return nodes;
}

/** Fills a rule's rationale (or a response row's reason) with the fact values the rule saw, in its pack's template language. */
export function renderRationale(template: string, facts: Readonly<Record<string, FactValue>>, syntax: TemplateSyntax = 1): string {
  if (syntax === 2) return renderTemplate(nodesOf(template), facts);
  return template.replace(PLACEHOLDER, (_, fact: string, as?: string) => formatV1(facts[fact], as));
}

/**
 * Every fault in a template: a fact not in the catalogue, an unknown format,
 * a placeholder not closed, a stray brace. For the first language, a `{{…}}`
 * the old placeholder pattern does not read (it would be shown as written)
 * is a fault too.
 */
export function templateFaults(template: string, syntax: TemplateSyntax): string[] {
  if (syntax === 2) return parseTemplate(template, KNOWN_FACTS).faults;
  const faults: string[] = [];
  for (const [placeholder, fact, format] of template.matchAll(PLACEHOLDER)) {
    if (fact === undefined || !KNOWN_FACTS.has(fact)) faults.push(`${placeholder} names unknown fact "${fact}"`);
    if (format && !(FORMATS as readonly string[]).includes(format)) faults.push(`${placeholder} uses unknown format "${format}" (use ${FORMATS.join(', ')})`);
  }
  const rest = template.replace(PLACEHOLDER, '');
  const stray = /\{\{[^}]*\}\}|[{}]/.exec(rest);
  if (stray) faults.push(`"${stray[0]}" is not a placeholder this pack's template language reads (it would be shown as written)`);
  return faults;
}

/** The template with its placeholders shown as the facts they will be filled from, for the transparency record. */
export function describeRationale(template: string, syntax: TemplateSyntax = 1): string {
  if (syntax === 2) return describeTemplate(nodesOf(template));
  return template.replace(PLACEHOLDER, (_, fact: string) => `[${fact}]`);
}
