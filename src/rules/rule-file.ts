import { z } from 'zod';
import { INDICATORS, PROMPT_ACTIONS } from '../schemas/codes.js';
import { FACT_CATALOGUE } from './facts.js';

/** json-rules-engine's default operators: the only ones a rule file may use. */
export const OPERATORS = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export type ConditionNode =
  | { all: ConditionNode[] }
  | { any: ConditionNode[] }
  | { not: ConditionNode }
  | { fact: string; operator: (typeof OPERATORS)[number]; value: unknown };

/** The condition grammar over a given set of fact names: the rules' facts, or those plus the response table's. */
export function conditionSchema(factNames: readonly string[]): z.ZodType<ConditionNode> {
  const FactName = z.string().refine((f) => factNames.includes(f), { message: 'is not a fact the facts module provides (see rules/README.md)' });
  const Leaf = z.strictObject({
    fact: FactName,
    operator: z.enum(OPERATORS),
    value: z.union([Scalar, z.array(Scalar), z.strictObject({ fact: FactName })]),
  }).superRefine((leaf, ctx) => {
    // Refused here so that a rule means the same to json-rules-engine and to the response table's evaluator.
    const isRef = leaf.value !== null && typeof leaf.value === 'object' && !Array.isArray(leaf.value);
    if ((leaf.operator === 'in' || leaf.operator === 'notIn') && !Array.isArray(leaf.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${leaf.operator} needs a list of values` });
    }
    if (/Than/.test(leaf.operator) && typeof leaf.value !== 'number' && !isRef) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${leaf.operator} needs a number or a fact` });
    }
  });
  const node: z.ZodType<ConditionNode> = z.lazy(() => z.union([
    z.strictObject({ all: z.array(node).min(1) }),
    z.strictObject({ any: z.array(node).min(1) }),
    z.strictObject({ not: node }),
    Leaf,
  ])) as z.ZodType<ConditionNode>;
  return node;
}

export const ConditionSchema = conditionSchema(Object.keys(FACT_CATALOGUE));

export const RuleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  summary: z.string().min(10).max(200),
  weight: z.number().int().min(0).max(100),
  conditions: z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
  prompts: z.array(z.strictObject({ action: z.enum(PROMPT_ACTIONS), indicator: z.enum(INDICATORS) })).min(1),
  rationale: z.string().min(20).max(2000),
  sources: z.array(z.string().min(3)).min(1, 'every rule cites at least one source'),
});

export type RuleDefinition = z.infer<typeof RuleFileSchema>;

export const PackManifestSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.1'),
  description: z.string().optional(),
  /** The reason template language: 2 (src/rules/template.ts); absent for the packs before it, rendered as they always were. */
  templates: z.literal(2).optional(),
});

export type PackManifest = z.infer<typeof PackManifestSchema>;

/** Placeholders of the first template language (packs without `templates: 2`): {{fact}} or {{fact|format}}. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*(?:\|\s*([a-z]+)\s*)?\}\}/g;
export const FORMATS = ['age', 'list', 'yesno'] as const;
