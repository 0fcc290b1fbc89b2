import { z } from '@hono/zod-openapi';
import { INDICATORS, PRIORITIES, PROMPT_ACTIONS, ROUTES, URGENCIES } from './codes.js';
import { ContactViewSchema } from './triage.schema.js';

export const OUTCOMES = [
  'immediate_protection', 'strategy_discussion', 'assessment_s17', 'pre_birth_assessment', 'pass_to_allocated_worker',
  'cp_transfer_in', 'early_help', 'information_advice', 'nfa', 'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes that close the door on statutory work: on a red or amber contact they are a departure. */
export const NO_ACTION_OUTCOMES: readonly Outcome[] = ['nfa', 'information_advice'];

export const PROMPT_RESPONSES = ['accepted', 'declined', 'done'] as const;
export const OVERRIDE_REASONS = ['policy', 'discretionary', 'other'] as const;
export const VERDICTS = ['endorse', 'overturn', 'return'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const DEPARTURE_KINDS = [
  'declined_critical_prompt', 'nfa_on_red', 'nfa_on_amber', 'nfa_without_manager_signoff', 'route_changed', 'urgency_changed',
] as const;
export const DIRECTIONS = ['raised', 'lowered', 'across'] as const;

export const MIN_RATIONALE_CHARS = 20;
export const MIN_RATIONALE_WORDS = 4;

/** A rationale a reviewer can follow: not empty, not "NFA", not "as above". */
export const Rationale = z.string().trim()
  .min(MIN_RATIONALE_CHARS, `must explain the reasoning in at least ${MIN_RATIONALE_CHARS} characters`)
  .max(10_000)
  .refine((s) => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)).size >= MIN_RATIONALE_WORDS,
    `must explain the reasoning in at least ${MIN_RATIONALE_WORDS} different words`)
  .openapi({ example: 'Mother’s account is consistent with the school’s; no marks seen; family already known to early help.' });

const Reason = z.string().trim().min(1).max(2000);

export const PromptResponseSchema = z.strictObject({
  action: z.enum(PROMPT_ACTIONS),
  response: z.enum(PROMPT_RESPONSES),
  reason: Reason.nullish(),
}).superRefine((r, ctx) => {
  if (r.response === 'declined' && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a declined prompt needs a reason' });
}).openapi('PromptResponse');

export const DecisionInputSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  rationale: Rationale,
  promptResponses: z.array(PromptResponseSchema).max(PROMPT_ACTIONS.length),
  overrideReason: z.enum(OVERRIDE_REASONS).nullish(),
  childSeen: z.boolean(),
  childSpokenTo: z.boolean(),
  route: z.enum(ROUTES).nullish().openapi({ description: 'The route you decide on, where it is not the one the triage suggests. Leave it out to keep the suggestion. A change goes to a manager.' }),
  urgency: z.enum(URGENCIES).nullish().openapi({ description: 'How soon the response should start, where it is not the urgency the triage suggests. Leave it out to keep the suggestion. A change goes to a manager.' }),
  routeChangeReason: Rationale.nullish().openapi({ description: 'Why the route or urgency differs from the suggestion: needed when either does, and refused when neither does. The same rule as the rationale (at least 20 characters and 4 different words).' }),
}).superRefine((d, ctx) => {
  const seen = new Set<string>();
  d.promptResponses.forEach((r, i) => {
    if (seen.has(r.action)) ctx.addIssue({ code: 'custom', path: ['promptResponses', i, 'action'], message: `${r.action} is answered more than once` });
    seen.add(r.action);
  });
}).openapi('DecisionInput');
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

export const ReviewInputSchema = z.strictObject({
  verdict: z.enum(VERDICTS),
  rationale: Rationale,
  outcome: z.enum(OUTCOMES).nullish().openapi({ description: 'The manager’s outcome; required for overturn, refused otherwise' }),
}).superRefine((r, ctx) => {
  if (r.verdict === 'overturn' && !r.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'an overturn needs the outcome that replaces the screener’s' });
  if (r.verdict !== 'overturn' && r.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: `only an overturn gives an outcome; ${r.verdict} keeps or returns the screener’s` });
}).openapi('ReviewInput');
export type ReviewInput = z.infer<typeof ReviewInputSchema>;

export const DepartureSchema = z.object({
  kind: z.enum(DEPARTURE_KINDS),
  action: z.enum(PROMPT_ACTIONS).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  raisedBy: z.array(z.string()).optional(),
  from: z.string().optional().openapi({ description: 'route_changed and urgency_changed: what the triage suggested' }),
  to: z.string().optional().openapi({ description: 'route_changed and urgency_changed: what the screener chose' }),
  direction: z.enum(DIRECTIONS).optional().openapi({ description: 'raised: a route that does more, or a sooner urgency; lowered: the opposite; across: between routes that do as much as each other (s17, s20, pre-birth)' }),
}).openapi('Departure', { description: 'How a decision departs from the triage; any departure sends it to a manager' });

export const StoredPromptResponseSchema = z.object({
  action: z.enum(PROMPT_ACTIONS),
  indicator: z.enum(INDICATORS),
  response: z.enum(PROMPT_RESPONSES),
  reason: z.string().nullable(),
  raisedBy: z.array(z.string()),
}).openapi('StoredPromptResponse');

export const DecisionSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  sequence: z.number().int(),
  triageId: z.string(),
  outcome: z.enum(OUTCOMES),
  rationale: z.string(),
  promptResponses: z.array(StoredPromptResponseSchema),
  overrideReason: z.enum(OVERRIDE_REASONS).nullable(),
  childSeen: z.boolean(),
  childSpokenTo: z.boolean(),
  departures: z.array(DepartureSchema),
  route: z.enum(ROUTES).nullable().openapi({ description: 'The route the decision stands on: the triage’s suggestion, or the screener’s change of it. Null when the triage had no route.' }),
  urgency: z.enum(URGENCIES).nullable().openapi({ description: 'The urgency the decision stands on, likewise' }),
  routeChangeReason: z.string().nullable().openapi({ description: 'Why the screener changed the route or urgency; null when they kept the suggestion' }),
  requiresReview: z.boolean(),
  reviewDueBy: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
}).openapi('Decision');
export type DecisionView = z.infer<typeof DecisionSchema>;

export const ReviewSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  decisionId: z.string(),
  verdict: z.enum(VERDICTS),
  outcome: z.enum(OUTCOMES).nullable(),
  rationale: z.string(),
  reviewedBy: z.string(),
  reviewedAt: z.string(),
}).openapi('Review');
export type ReviewView = z.infer<typeof ReviewSchema>;

export const DecisionResultSchema = DecisionSchema.extend({
  contactStatus: z.string().openapi({ description: 'decided, or awaiting_review when the decision departs from the triage' }),
  contactVersion: z.number().int(),
}).openapi('DecisionResult');

export const ReviewResultSchema = ReviewSchema.extend({
  contactStatus: z.string(),
  contactVersion: z.number().int(),
}).openapi('ReviewResult');

/** The contact as read, with its decisions and reviews kept apart from the triage. */
export const ContactWithDecisionsSchema = ContactViewSchema.extend({
  decision: z.union([DecisionSchema, z.null()]).openapi({ description: 'The latest decision, or null before the first' }),
  decisions: z.array(DecisionSchema).openapi({ description: 'Every decision, oldest first; a returned decision is kept' }),
  reviews: z.array(ReviewSchema),
  finalOutcome: z.enum(OUTCOMES).nullable().openapi({ description: 'Once decided: the manager’s outcome if overturned, else the screener’s' }),
}).openapi('ContactWithDecisions');
export type ContactWithDecisions = z.infer<typeof ContactWithDecisionsSchema>;
