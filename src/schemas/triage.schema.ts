import { z } from '@hono/zod-openapi';
import { INDICATORS, PRIORITIES, PROMPT_ACTIONS, ROUTES, URGENCIES } from './codes.js';

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

export const RESPONSE_STEPS = ['route', 'urgency', 'modifier', 'floor'] as const;

export const ResponseStepSchema = z.object({
  step: z.enum(RESPONSE_STEPS).openapi({ description: 'route: the row of the route table that chose the route; urgency: the row that set the urgency; modifier: a circumstance that moved the urgency a step; floor: a minimum that raised the route or urgency' }),
  id: z.string().openapi({ description: 'The row of the response table', example: 'significant-harm' }),
  reason: z.string().openapi({ description: 'Why, in plain words, as the screener reads it' }),
  from: z.string().optional().openapi({ description: 'For a modifier or floor: the urgency (or "route, urgency") before it applied' }),
  to: z.string().optional().openapi({ description: 'For a modifier or floor: what it became' }),
}).openapi('ResponseStep');

export const TriageSchema = z.object({
  id: z.string(),
  sequence: z.number().int(),
  evaluatedAt: z.string(),
  ruleSet: z.object({ version: z.string().nullable(), hash: z.string() }),
  route: z.enum(ROUTES).nullable().openapi({ description: 'The route the triage suggests for the contact (for example s47_strategy: a strategy discussion). The screener may change it, with a reason. Null for triages made by a rule set without a response table.' }),
  urgency: z.enum(URGENCIES).nullable().openapi({ description: 'How soon the response should start, most urgent first: within_hours, same_day, one_working_day, three_working_days, none. It sets when the decision is due. Null for triages made by a rule set without a response table.' }),
  response: z.array(ResponseStepSchema).openapi({ description: 'How the route and urgency were reached, step by step, each with its reason. Empty when there is no route.' }),
  priority: z.enum(PRIORITIES).openapi({ description: 'Red, amber or green. Derived from the urgency (red: within hours or the same day; amber: one working day; green: three working days or none); for older triages, from the prompts as before.' }),
  score: z.number().int().min(0).max(100).openapi({ description: 'The urgency on a 0 to 100 scale (100 within hours, 75 the same day, 50 one working day, 25 three working days, 0 none), kept for v1 clients. Older triages keep the sum of their rules’ weights.' }),
  prompts: z.array(PromptSchema),
  rules: z.array(RuleOutcomeSchema),
  historyComplete: z.boolean(),
  facts: z.record(z.string(), z.unknown()).openapi({ description: 'The facts as evaluated (no names or NHS numbers)' }),
  settings: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'The authority settings in force' }),
}).openapi('Triage');
export type TriageView = z.infer<typeof TriageSchema>;

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
