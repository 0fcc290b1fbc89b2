import { z } from '@hono/zod-openapi';
import { FIRST_YEAR, inPlausibleYears, isCalendarDate, LAST_YEAR } from '../lib/dates.js';
import { PRIORITIES, REFERRER_GROUPS } from './codes.js';
import { ContactWithDecisionsSchema, OUTCOMES } from './decision.schema.js';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a calendar date')
  .refine(inPlausibleYears, `must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`);

/** `a,b,c` → each one of `values`, at least one. */
const commaList = <T extends readonly [string, ...string[]]>(values: T, what: string) => z.string()
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(z.enum(values)).min(1, `name at least one ${what}`))
  .openapi({ type: 'string', description: `One or more of ${values.join(', ')}, comma-separated` });

export const AuditSampleQuery = z.object({
  closedFrom: isoDate.optional().openapi({ description: 'First day of closure, in the authority’s time zone (inclusive)', example: '2026-10-01' }),
  closedTo: isoDate.optional().openapi({ description: 'Last day of closure, in the authority’s time zone (inclusive)', example: '2026-10-31' }),
  maxAgeMonths: z.coerce.number().int().min(0).max(240).optional().openapi({ description: 'The youngest child’s age in whole months at contact is at most this (an unborn child counts as 0; a contact with no child’s age recorded is left out)' }),
  outcome: commaList(OUTCOMES, 'outcome').optional(),
  priority: commaList(PRIORITIES, 'priority').optional(),
  referrerGroup: z.enum(REFERRER_GROUPS).optional(),
  overridden: z.enum(['true', 'false']).transform((v) => v === 'true').optional()
    .openapi({ type: 'string', enum: ['true', 'false'], description: 'true: the decision that stood departed from the triage' }),
  screener: z.string().trim().min(1).max(200).optional().openapi({ description: 'The screener whose decision stood (their sub)' }),
  size: z.coerce.number().int().min(1).max(500).default(20).openapi({ description: 'How many contacts, 1–500 (ignored when stratified)' }),
  seed: z.string().trim().min(1).max(100).regex(/^[\x20-\x7e]+$/, 'must be printable ASCII (it is returned in a header)').optional().openapi({ description: 'The same seed over the same data draws the same sample in the same order; when absent one is generated and returned' }),
  stratify: z.enum(['outcome', 'priority']).optional().openapi({ description: 'Draw perStratum contacts from each final outcome or priority (those named in the filter, else all)' }),
  perStratum: z.coerce.number().int().min(1).max(100).default(10).openapi({ description: 'Contacts per stratum when stratified, 1–100' }),
  format: z.enum(['json', 'csv']).default('json'),
}).superRefine((q, ctx) => {
  if (q.closedFrom && q.closedTo && q.closedFrom > q.closedTo) ctx.addIssue({ code: 'custom', path: ['closedTo'], message: 'is before closedFrom' });
});
export type AuditSampleInput = z.infer<typeof AuditSampleQuery>;

/** The CSV's columns, in order: one row per sampled contact. */
export const SAMPLE_CSV_COLUMNS = [
  ['contact_id', 'The contact’s id'],
  ['received_at', 'When the contact was received (ISO 8601, UTC)'],
  ['closed_at', 'When it was closed (ISO 8601, UTC)'],
  ['priority', 'The triage priority: red, amber or green'],
  ['score', 'The triage score, 0–100'],
  ['referrer_group', 'professional, non_professional, anonymous or unknown'],
  ['youngest_age_months', 'The youngest child’s age in whole months at contact (0 for an unborn child)'],
  ['outcome', 'The screener’s latest decision'],
  ['final_outcome', 'What stood: the manager’s outcome if overturned, else the screener’s'],
  ['overridden', 'true when the decision departed from the triage'],
  ['declined_prompts', 'The prompts the screener declined, separated by ;'],
  ['screener', 'Who made the latest decision'],
  ['reviewer', 'The manager who reviewed it, if reviewed'],
  ['verdict', 'endorse, overturn or return, if reviewed'],
  ['rule_set_hash', 'The hash of the rule set the triage was made with'],
  ['stratum', 'The stratum it was drawn for, when stratified'],
  ['shared_without_consent', 'How many checks and disclosures to partners went without the family’s agreement (refused or not sought)'],
  ['information_sharing', 'Each check and disclosure as kind:partner:lawful basis:consent[:reason why without agreement], separated by ;'],
] as const;

export const SampledContactSchema = ContactWithDecisionsSchema.extend({
  referrerGroup: z.enum(REFERRER_GROUPS),
  overridden: z.boolean().nullable(),
  youngestAgeMonths: z.number().int().nullable(),
  stratum: z.string().nullable(),
  informationSharing: z.array(z.object({
    kind: z.enum(['check', 'disclosure']), partner: z.string(), lawfulBasis: z.string(), consent: z.enum(['given', 'refused', 'not_sought']),
    withoutConsentReason: z.string().nullable(), decidedBy: z.string(), decidedAt: z.string(),
  })).openapi({ description: 'The information-sharing ledger of the contact: each check and disclosure with its basis' }),
}).openapi('SampledContact');

export const AuditSampleSchema = z.object({
  seed: z.string(),
  seedGenerated: z.boolean().openapi({ description: 'true when no seed was given: keep this one to draw the sample again' }),
  drawnAt: z.string(),
  filters: z.record(z.string(), z.unknown()),
  size: z.number().int().nullable().openapi({ description: 'The size asked for; null when stratified' }),
  stratify: z.enum(['outcome', 'priority']).nullable(),
  perStratum: z.number().int().nullable(),
  count: z.number().int(),
  contacts: z.array(SampledContactSchema),
}).openapi('AuditSample');
