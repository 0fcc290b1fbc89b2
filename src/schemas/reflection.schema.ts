import { z } from '@hono/zod-openapi';
import { isoDate } from './sample.schema.js';
import { ShareCellSchema } from './screening-outcomes.schema.js';

export const ScreenerParam = z.object({
  sub: z.string().min(1).max(200).openapi({ param: { name: 'sub', in: 'path' }, example: 'anna', description: 'The screener’s user id' }),
});

export const ReflectionQuerySchema = z.object({
  from: isoDate.optional().openapi({ description: 'First day (local, inclusive); 365 days before `to` when left out' }),
  to: isoDate.optional().openapi({ description: 'Last day (local, inclusive); today when left out' }),
}).superRefine((q, ctx) => {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is before from' });
});

const DecisionFigures = z.object({
  decisions: z.number().int(),
  byOutcome: z.record(z.string(), ShareCellSchema),
  departed: ShareCellSchema.openapi({ description: 'Decisions that departed from the triage and went to a manager' }),
  verdicts: z.record(z.string(), ShareCellSchema).openapi({ description: 'Of decisions a manager reviewed: endorsed, overturned, returned' }),
});
const ScreenFigures = z.object({
  onTheirDecisions: ShareCellSchema.openapi({ description: 'Of second screens of these decisions, those that agreed' }),
  asSecondScreener: ShareCellSchema.openapi({ description: 'Of second screens taken, those that agreed with the first decision' }),
  settlements: z.object({ first: z.number().int(), second: z.number().int(), neither: z.number().int() }),
});
const Recontact = z.object({ closedNoAction: z.number().int(), recontactWithin12Months: ShareCellSchema });
const both = <T extends z.ZodTypeAny>(schema: T) => z.object({ yours: schema, team: schema.nullable() });

export const ReflectionSchema = z.object({
  screener: z.string(),
  team: z.object({ id: z.string(), name: z.string(), screeners: z.number().int() }).nullable(),
  from: z.string(), to: z.string(), asOf: z.string(),
  decisions: both(DecisionFigures),
  secondScreens: both(ScreenFigures),
  noActionOutcomes: both(Recontact),
  calibration: z.array(z.object({
    exerciseId: z.string(), title: z.string(), closedAt: z.string(), answered: z.number().int(),
    withTeamsCommonAnswer: z.object({ outcome: ShareCellSchema, route: ShareCellSchema, urgency: ShareCellSchema }),
    withBankLabel: z.object({ route: ShareCellSchema, urgency: ShareCellSchema }),
    teamAlpha: z.object({ outcomeNominal: z.number().nullable(), routeOrdinal: z.number().nullable(), urgencyOrdinal: z.number().nullable() }),
  })).openapi({ description: 'Closed exercises of the team the screener answered, oldest first' }),
}).openapi('Reflection');
