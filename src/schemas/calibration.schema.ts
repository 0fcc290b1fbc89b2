import { z } from '@hono/zod-openapi';
import { PRIORITIES, PROMPT_ACTIONS, ROUTES, URGENCIES } from './codes.js';
import { ContactInputSchema } from './contact.schema.js';
import { OUTCOMES } from './decision.schema.js';
import { PromptSchema } from './triage.schema.js';

const PracticeId = z.string().regex(/^prc_[0-9a-z]{26}$/, 'is not a practice contact id');

export const PracticeContactInputSchema = z.strictObject({
  reference: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case').max(120)
    .openapi({ description: 'The bank’s own name for it (a corpus case id); unique in the authority', example: 'phys-03-bruise-non-mobile-baby' }),
  source: z.enum(['corpus', 'local']).default('local').openapi({ description: 'corpus: the project’s labelled corpus; local: written by the authority' }),
  title: z.string().trim().min(10).max(300),
  narrative: z.string().trim().min(40).max(20_000).openapi({ description: 'What the screener is told. Fictional or anonymised: never a real family' }),
  contact: ContactInputSchema.openapi({ description: 'The contact as a screener would record it; triaged once, when added, with no outside history' }),
  expected: z.strictObject({
    route: z.enum(ROUTES),
    urgency: z.enum(URGENCIES),
    outcome: z.enum(OUTCOMES).optional(),
    mustPrompt: z.array(z.enum(PROMPT_ACTIONS)).optional(),
    reasoning: z.string().trim().min(1).max(5000).optional(),
  }).optional().openapi({ description: 'The bank’s label, shown beside the answers once an exercise closes; never to a screener before' }),
}).openapi('PracticeContactInput');
export type PracticeContactInput = z.infer<typeof PracticeContactInputSchema>;

export const PracticeTriageSchema = z.object({
  priority: z.enum(PRIORITIES),
  route: z.enum(ROUTES).nullable(),
  urgency: z.enum(URGENCIES).nullable(),
  prompts: z.array(PromptSchema),
  fired: z.array(z.object({ id: z.string(), rationale: z.string() })),
  ruleSetHash: z.string(),
}).openapi('PracticeTriage');

export const PracticeContactSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.string(),
  title: z.string(),
  expected: z.object({ route: z.enum(ROUTES), urgency: z.enum(URGENCIES) }).nullable(),
  priority: z.enum(PRIORITIES),
  addedAt: z.string(),
}).openapi('PracticeContactSummary');
export type PracticeContactSummary = z.infer<typeof PracticeContactSummarySchema>;

export const PracticeBankSchema = z.object({ practiceContacts: z.array(PracticeContactSummarySchema) }).openapi('PracticeBank');

export const ExerciseInputSchema = z.strictObject({
  teamId: z.string().regex(/^tem_[0-9a-z]{26}$/, 'is not a team id'),
  title: z.string().trim().min(3).max(200).openapi({ example: 'December calibration: infants and bruising' }),
  practiceContactIds: z.array(PracticeId).min(2).max(100).superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => { if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `${id} is listed twice` }); seen.add(id); });
  }),
  showTriage: z.boolean().default(true).openapi({ description: 'Show the service’s triage with each practice contact, as a real contact would have it' }),
}).openapi('ExerciseInput');
export type ExerciseInput = z.infer<typeof ExerciseInputSchema>;

export const AnswerInputSchema = z.strictObject({
  practiceContactId: PracticeId,
  outcome: z.enum(OUTCOMES),
  route: z.enum(ROUTES),
  urgency: z.enum(URGENCIES),
  rationale: z.string().trim().min(1).max(5000).nullish(),
}).openapi('CalibrationAnswerInput');
export type AnswerInput = z.infer<typeof AnswerInputSchema>;

export const ExerciseIdParam = z.object({
  id: z.string().regex(/^cex_[0-9a-z]{26}$/, 'is not an exercise id').openapi({ param: { name: 'id', in: 'path' }, example: 'cex_01jd8x…' }),
});

const Answer = z.object({ outcome: z.enum(OUTCOMES), route: z.enum(ROUTES), urgency: z.enum(URGENCIES), rationale: z.string().nullable(), answeredAt: z.string() });

export const ExerciseSummarySchema = z.object({
  id: z.string(), teamId: z.string(), title: z.string(), status: z.enum(['open', 'closed']), showTriage: z.boolean(),
  createdBy: z.string(), createdAt: z.string(), closedAt: z.string().nullable(),
  items: z.number().int(),
  answered: z.number().int().openapi({ description: 'Screener: practice contacts they have answered; manager: answers given by anyone' }),
}).openapi('ExerciseSummary');

export const ExerciseListSchema = z.object({ exercises: z.array(ExerciseSummarySchema) }).openapi('ExerciseList');

export const ExerciseSchema = ExerciseSummarySchema.extend({
  practiceContacts: z.array(z.object({
    id: z.string(), position: z.number().int(), title: z.string(), narrative: z.string(),
    contact: z.record(z.string(), z.unknown()),
    triage: PracticeTriageSchema.nullable().openapi({ description: 'Null when the exercise hides the triage' }),
    yourAnswer: Answer.nullable().openapi({ description: 'A screener’s own answer; never anyone else’s' }),
  })),
  progress: z.array(z.object({ screener: z.string(), answered: z.number().int() })).nullable()
    .openapi({ description: 'Manager only: how far each screener of the team has got (not what they answered)' }),
}).openapi('Exercise');

export const AnswerResultSchema = Answer.extend({ id: z.string(), exerciseId: z.string(), practiceContactId: z.string(), screener: z.string() }).openapi('CalibrationAnswer');

const Interval = z.object({ lower: z.number(), upper: z.number(), level: z.number(), resamples: z.number().int(), seed: z.string() });
const Estimate = z.object({ value: z.number().nullable(), interval: Interval.nullable() });
export const AgreementFiguresSchema = z.object({
  units: z.number().int().openapi({ description: 'Practice contacts answered by at least two screeners' }),
  answers: z.number().int(),
  pairwiseAgreement: z.number().nullable().openapi({ description: 'Of pairs of answers on the same contact, the share that are the same' }),
  alphaNominal: Estimate.openapi({ description: 'Krippendorff’s alpha, nominal, with a 95% bootstrap interval over practice contacts (seeded)' }),
  alphaOrdinal: Estimate.nullable().openapi({ description: 'Krippendorff’s alpha, ordinal (route by intensity, urgency by time); null for outcome, whose codes have no order' }),
  fleissKappa: Estimate.openapi({ description: 'Fleiss’ kappa, with a 95% bootstrap interval over practice contacts (seeded)' }),
}).openapi('AgreementFigures');

const Spread = z.object({
  counts: z.record(z.string(), z.number().int()),
  modal: z.array(z.string()).openapi({ description: 'The most given answer (several when tied)' }),
  agreement: z.number().nullable().openapi({ description: 'Share of answers that are the modal one' }),
  diverged: z.boolean(),
});

export const ExerciseResultsSchema = z.object({
  exerciseId: z.string(), title: z.string(), status: z.enum(['open', 'closed']), closedAt: z.string().nullable(),
  screeners: z.number().int(),
  smallNumber: z.boolean().openapi({ description: 'Fewer than 5 practice contacts or 3 screeners: the intervals are wide; read with care' }),
  agreement: z.object({ outcome: AgreementFiguresSchema, route: AgreementFiguresSchema, urgency: AgreementFiguresSchema }),
  practiceContacts: z.array(z.object({
    id: z.string(), reference: z.string(), title: z.string(), answers: z.number().int(),
    outcome: Spread, route: Spread, urgency: Spread,
    expected: z.object({ route: z.enum(ROUTES), urgency: z.enum(URGENCIES), outcome: z.enum(OUTCOMES).nullable(), reasoning: z.string().nullable() }).nullable(),
    byScreener: z.array(z.object({ screener: z.string(), outcome: z.enum(OUTCOMES), route: z.enum(ROUTES), urgency: z.enum(URGENCIES) })).nullable()
      .openapi({ description: 'Manager only, for supervision' }),
    yourAnswer: Answer.nullable(),
  })),
}).openapi('ExerciseResults');

export const TrendQuery = z.object({ teamId: z.string().regex(/^tem_[0-9a-z]{26}$/, 'is not a team id').optional().openapi({ description: 'A manager’s team; a screener’s own team when left out' }) });

export const TrendSchema = z.object({
  teamId: z.string().nullable(),
  exercises: z.array(z.object({
    exerciseId: z.string(), title: z.string(), closedAt: z.string(), screeners: z.number().int(), smallNumber: z.boolean(),
    outcome: AgreementFiguresSchema, route: AgreementFiguresSchema, urgency: AgreementFiguresSchema,
  })),
}).openapi('CalibrationTrend');
