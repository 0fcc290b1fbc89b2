import { z } from '@hono/zod-openapi';
import { PRIORITIES, ROUTES, URGENCIES } from './codes.js';
import { OUTCOMES, Rationale } from './decision.schema.js';
import { ContactWithDecisionsSchema } from './decision.schema.js';

export const SECOND_SCREEN_STATUSES = ['awaiting_screen', 'agreed', 'awaiting_settlement', 'settled'] as const;
export const SELECTION_CRITERIA = ['infant_repeat_contact', 'no_action_share', 'other_share'] as const;
export const STANDINGS = ['first', 'second', 'neither'] as const;

export const SecondScreenIdParam = z.object({
  id: z.string().regex(/^ssc_[0-9a-z]{26}$/, 'is not a second screen id').openapi({ param: { name: 'id', in: 'path' }, example: 'ssc_01jd8x…' }),
});

export const SecondScreenQuery = z.object({
  status: z.enum([...SECOND_SCREEN_STATUSES, 'all']).default('awaiting_screen')
    .openapi({ description: 'A manager may ask for any status; a screener is shown only the second screens they may take (awaiting_screen)' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const SecondScreenInputSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  route: z.enum(ROUTES),
  urgency: z.enum(URGENCIES),
  rationale: Rationale,
}).openapi('SecondScreenInput');
export type SecondScreenInput = z.infer<typeof SecondScreenInputSchema>;

export const SettlementInputSchema = z.strictObject({
  standing: z.enum(STANDINGS).openapi({ description: 'Whose outcome stands: the first screener’s, the second’s, or neither (then give the outcome)' }),
  outcome: z.enum(OUTCOMES).nullish().openapi({ description: 'Required when neither stands; refused otherwise' }),
  rationale: Rationale,
}).superRefine((s, ctx) => {
  if (s.standing === 'neither' && !s.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'when neither outcome stands, give the one that does' });
  if (s.standing !== 'neither' && s.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: `the ${s.standing} screener’s outcome stands; give an outcome only when neither does` });
}).openapi('SettlementInput');
export type SettlementInput = z.infer<typeof SettlementInputSchema>;

export const DrawResultSchema = z.object({
  id: z.string(),
  drawnAt: z.string(),
  seed: z.string(),
  settingsHash: z.string(),
  rules: z.record(z.string(), z.unknown()).openapi({ description: 'The selection rules in force (the authority’s secondScreening settings)' }),
  considered: z.number().int().openapi({ description: 'Decisions that stood and had not been considered before' }),
  selected: z.array(z.object({ secondScreenId: z.string(), contactId: z.string(), criterion: z.enum(SELECTION_CRITERIA), drawValue: z.number() })),
}).openapi('SecondScreenDraw');

/** What a screener may see of a second screen they could take: nothing of the first decision, nor why it was drawn. */
export const BlindSecondScreenSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  status: z.literal('awaiting_screen'),
  priority: z.enum(PRIORITIES),
  receivedAt: z.string(),
  selectedAt: z.string(),
}).openapi('BlindSecondScreen');
export type BlindSecondScreen = z.infer<typeof BlindSecondScreenSchema>;

export const SecondScreenSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  status: z.enum(SECOND_SCREEN_STATUSES),
  criterion: z.enum(SELECTION_CRITERIA),
  drawId: z.string(),
  selectedAt: z.string(),
  first: z.object({ decisionId: z.string(), outcome: z.enum(OUTCOMES), decidedBy: z.string() }),
  second: z.object({
    screener: z.string(), outcome: z.enum(OUTCOMES), route: z.enum(ROUTES), urgency: z.enum(URGENCIES), rationale: z.string(), screenedAt: z.string(),
  }).nullable(),
  agrees: z.boolean().nullable().openapi({ description: 'Whether the second screener’s outcome is the one that stood' }),
  settlement: z.object({
    standing: z.enum(STANDINGS), outcome: z.enum(OUTCOMES), rationale: z.string(), settledBy: z.string(), settledAt: z.string(),
    reopened: z.boolean().openapi({ description: 'The contact went back for a new decision because the settled outcome differs from the one that stood' }),
  }).nullable(),
  version: z.number().int(),
}).openapi('SecondScreen');
export type SecondScreen = z.infer<typeof SecondScreenSchema>;

export const SecondScreenListSchema = z.object({
  items: z.array(z.union([SecondScreenSchema, BlindSecondScreenSchema])),
}).openapi('SecondScreenList');

export const SecondScreenReadSchema = z.object({
  secondScreen: z.union([SecondScreenSchema, BlindSecondScreenSchema]),
  contact: ContactWithDecisionsSchema.nullable().openapi({ description: 'For the screener taking it: the contact and its triage, without any decision or review' }),
}).openapi('SecondScreenRead');
