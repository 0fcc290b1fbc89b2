import { z } from '@hono/zod-openapi';
import { INDICATORS, PRIORITIES, PROMPT_ACTIONS } from './codes.js';

export const PromptSchema = z.object({
  action: z.enum(PROMPT_ACTIONS),
  indicator: z.enum(INDICATORS),
  summary: z.string(),
  detail: z.string().openapi({ description: 'Why, in plain English, naming the facts that raised it' }),
  raisedBy: z.array(z.string()),
  sources: z.array(z.string()),
}).openapi('Prompt');

export const ConditionResultSchema = z.object({
  fact: z.string(),
  operator: z.string(),
  value: z.unknown(),
  factValue: z.unknown(),
  result: z.boolean().nullable(),
}).openapi('ConditionResult');

export const RuleOutcomeSchema = z.object({
  id: z.string(),
  fired: z.boolean(),
  rationale: z.string(),
  conditions: z.array(ConditionResultSchema),
}).openapi('RuleOutcome');

export const TriageSchema = z.object({
  id: z.string(),
  sequence: z.number().int(),
  evaluatedAt: z.string(),
  ruleSet: z.object({ version: z.string().nullable(), hash: z.string() }),
  priority: z.enum(PRIORITIES),
  score: z.number().int().min(0).max(100),
  prompts: z.array(PromptSchema),
  rules: z.array(RuleOutcomeSchema),
  historyComplete: z.boolean(),
  facts: z.record(z.string(), z.unknown()).openapi({ description: 'The facts as evaluated (no names or NHS numbers)' }),
  settings: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'The authority settings in force' }),
}).openapi('Triage');

export const ContactViewSchema = z.object({
  id: z.string().openapi({ example: 'con_01jd…' }),
  status: z.string(),
  localAuthority: z.string(),
  receivedAt: z.string(),
  decisionDueBy: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  children: z.array(z.record(z.string(), z.unknown())).openapi({ description: 'Children as stored, with derived ageDays, ageMonths, unborn, nonMobile, canBeSpokenWith' }),
  adults: z.array(z.record(z.string(), z.unknown())),
  triage: TriageSchema,
}).catchall(z.unknown()).openapi('Contact');

export const RuleSetSchema = z.object({
  name: z.string(),
  version: z.string(),
  hash: z.string(),
  settings: z.object({ hash: z.string(), values: z.record(z.string(), z.unknown()) }),
  rules: z.array(z.object({
    id: z.string(),
    summary: z.string(),
    weight: z.number().int(),
    prompts: z.array(z.object({ action: z.enum(PROMPT_ACTIONS), indicator: z.enum(INDICATORS) })),
    sources: z.array(z.string()),
  })),
}).openapi('RuleSet');
