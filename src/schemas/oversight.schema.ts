import { z } from '@hono/zod-openapi';
import { isoDate } from './sample.schema.js';

const MAX_DAYS = 3 * 366;

export const OversightQuery = z.object({
  from: isoDate.openapi({ description: 'First day of the period, in the authority’s time zone (inclusive)', example: '2026-11-01' }),
  to: isoDate.openapi({ description: 'Last day of the period (inclusive)', example: '2026-11-30' }),
}).superRefine((q, ctx) => {
  if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is before from' });
  else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the period may be at most ${MAX_DAYS} days` });
});
export type OversightQuery = z.infer<typeof OversightQuery>;

const CountCell = z.object({ count: z.number().int(), smallNumber: z.boolean() }).openapi('CountCell');
const ShareCell = z.object({
  count: z.number().int(),
  total: z.number().int().openapi({ description: 'The denominator' }),
  share: z.number().nullable().openapi({ description: 'count / total to four places; null when total is 0' }),
  smallNumber: z.boolean().openapi({ description: 'true when count or total is under 5: shown, to be read with care and not published' }),
}).openapi('ShareCell');

const SuggestionChanges = z.object({
  decisions: z.number().int().openapi({ description: 'Decisions on triages that suggested a route and urgency' }),
  changed: ShareCell.openapi({ description: 'Those that changed the route, the urgency or both' }),
  route: z.object({
    changed: ShareCell,
    raised: ShareCell.openapi({ description: 'To a route that does more (for example early help to an s17 assessment)' }),
    lowered: ShareCell.openapi({ description: 'To a route that does less' }),
    across: ShareCell.openapi({ description: 'To a route that does as much (s17 assessment, s20 accommodation, pre-birth assessment)' }),
  }),
  urgency: z.object({
    changed: ShareCell,
    raised: ShareCell.openapi({ description: 'To a sooner response' }),
    lowered: ShareCell.openapi({ description: 'To a later response' }),
  }),
});

export const OversightSummarySchema = z.object({
  localAuthority: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  workingDays: z.number().int(),
  smallNumberThreshold: z.number().int(),
  contacts: z.object({
    total: z.number().int(),
    byPriority: z.record(z.string(), CountCell),
    byFinalOutcome: z.record(z.string(), CountCell).openapi({ description: 'What stood (the manager’s outcome if overturned); `undecided` while none has' }),
    decidedLate: ShareCell.openapi({ description: 'Of contacts decided, those whose first decision came after decisionDueBy' }),
  }),
  nfa: z.object({
    closed: z.number().int(),
    byReferrerGroup: z.record(z.string(), ShareCell).openapi({ description: 'Of closed contacts in each group, the share closed with NFA' }),
    byEthnicity: z.record(z.string(), ShareCell).openapi({ description: 'Of closed contacts naming a child of each recorded ethnicity (`missing` when not recorded), the share closed with NFA; a contact counts under each of its children’s ethnicities' }),
    ethnicityMissing: ShareCell.openapi({ description: 'Of children on closed contacts, those with no ethnicity recorded' }),
  }),
  recontactWithin12MonthsOfNfa: ShareCell.openapi({ description: 'Of contacts whose outcome was NFA, those followed by another contact about the same child (person id or NHS number) within 365 days' }),
  overrideRateByRule: z.array(ShareCell.extend({ rule: z.string() })).openapi({ description: 'Of decisions where the rule fired, the share that declined a prompt it raised' }),
  screeners: z.array(z.object({ screener: z.string(), decisions: z.number().int(), withDepartures: ShareCell, perWorkingDay: z.number().nullable() })),
  suggestionChanges: SuggestionChanges.extend({
    withoutSuggestion: z.number().int().openapi({ description: 'Decisions in the period on triages that suggested no route or urgency (made before the response table): left out of every figure here' }),
    byScreener: z.array(SuggestionChanges.extend({ screener: z.string() })).openapi({ description: 'The same figures for each screener, over their own decisions' }),
  }).openapi({ description: 'How often the screener changed the route or urgency the triage suggested, and which way. Each share is of the decisions made in the period on triages that suggested both.' }),
  managers: z.array(z.object({
    manager: z.string(), reviews: CountCell, endorse: z.number().int(), overturn: z.number().int(), return: z.number().int(), perWorkingDay: z.number().nullable(),
  })),
  informationSharing: z.object({
    checks: z.number().int().openapi({ description: 'Checks whose information-sharing basis was decided in the period' }),
    withoutConsent: ShareCell.openapi({ description: 'Of those, the share made without the family’s agreement (refused or not sought)' }),
    refused: CountCell.openapi({ description: 'Checks made after the family refused' }),
    reasons: z.record(z.string(), CountCell).openapi({ description: 'Why checks went without agreement, one count per reason (DfE 2024 advice categories)' }),
    byPartner: z.array(z.object({ partner: z.string(), withoutConsent: ShareCell, reasons: z.record(z.string(), CountCell) })),
  }).openapi({ description: 'Consent practice on multi-agency checks, by partner' }),
}).openapi('OversightSummary');
