import { z } from '@hono/zod-openapi';
import { PARTNERS, PRIORITIES, PROMPT_ACTIONS, ROUTES, URGENCIES } from './codes.js';
import { Instant } from './contact.schema.js';
import { SharingBasisSchema, SharingViewSchema } from './sharing.schema.js';
import { TriageSchema } from './triage.schema.js';

export const CHECK_STATUSES = ['awaiting_basis', 'awaiting_dispatch', 'dispatch_failed', 'send_by_hand', 'awaiting_response', 'responded'] as const;
export const RESPONSE_CHANNELS = ['phone', 'email', 'secure_email', 'meeting', 'letter', 'partner_api', 'other'] as const;

const flag = z.boolean().nullish();
const text = (max: number) => z.string().trim().min(1).max(max);

/** What a partner found about one person; each true finding is added to the facts the triage sees. */
export const CheckFindingSchema = z.strictObject({
  person: z.string().regex(/^(chd|adt)_[0-9a-z]{26}$/, 'must be the stored id of a child (chd_…) or adult (adt_…) named in the check'),
  cpPlanCurrent: flag.openapi({ description: 'Child: on a child protection plan now' }),
  cpPlanPrevious: flag,
  cinCurrent: flag,
  lookedAfterCurrent: flag,
  previousS47: flag,
  previousInjury: flag.openapi({ description: 'Child: an earlier injury known to the partner, in the last 12 months' }),
  violenceHistory: flag.openapi({ description: 'Adult: a history of violence' }),
}).openapi('CheckFinding');

export const CheckResponseInputSchema = z.strictObject({
  respondedAt: Instant.optional().openapi({ description: 'When the partner gave the answer; defaults to now' }),
  respondent: z.strictObject({
    organisation: text(200),
    role: text(200).nullish(),
    name: text(200).nullish(),
  }),
  receivedVia: z.enum(RESPONSE_CHANNELS).optional().openapi({ description: 'How the answer came; a partner system calling the API is partner_api' }),
  noInformationHeld: z.boolean().optional(),
  summary: text(5000),
  findings: z.array(CheckFindingSchema).max(40).optional(),
  sharing: SharingBasisSchema.optional().openapi({ description: 'The lawful basis and consent position for the check, when none was recorded before it was sent (a check made by hand): required then, refused otherwise' }),
}).openapi('CheckResponseInput');

export type CheckResponseInput = z.infer<typeof CheckResponseInputSchema>;
export type CheckFinding = z.infer<typeof CheckFindingSchema>;

export const CheckViewSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  partner: z.enum(PARTNERS),
  partnerName: z.string(),
  partnerAuthority: z.string().nullable(),
  dispatch: z.enum(['api', 'by_hand']),
  status: z.enum(CHECK_STATUSES),
  overdue: z.boolean(),
  priority: z.enum(PRIORITIES),
  asks: z.array(z.object({ action: z.enum(PROMPT_ACTIONS), question: z.string() })),
  people: z.array(z.object({ id: z.string(), kind: z.enum(['child', 'adult']), position: z.number().int(), role: z.string().nullable(), allegedPerpetrator: z.boolean(), livesWithChild: z.boolean().nullable() })),
  requestedAt: z.string(),
  dueAt: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  partnerReference: z.string().nullable(),
  overdueSince: z.string().nullable(),
  chasedAt: z.string().nullable(),
  chaseCount: z.number().int(),
  response: z.record(z.string(), z.unknown()).nullable(),
  respondedAt: z.string().nullable(),
  responseRecordedAt: z.string().nullable(),
  responseRecordedBy: z.string().nullable(),
  responseChannel: z.string().nullable(),
  retriageId: z.string().nullable(),
  sharing: SharingViewSchema.nullable().openapi({ description: 'The information-sharing decision behind the check; null while it is awaiting_basis' }),
}).openapi('Check');
export type CheckView = z.infer<typeof CheckViewSchema>;

export const RetriageSchema = z.object({
  triage: TriageSchema,
  changes: z.object({
    priority: z.object({ before: z.enum(PRIORITIES), after: z.enum(PRIORITIES) }),
    score: z.object({ before: z.number().int(), after: z.number().int() }),
    route: z.object({ before: z.enum(ROUTES).nullable(), after: z.enum(ROUTES).nullable() }).openapi({ description: 'The suggested route before and after; null for triages without a response table' }),
    urgency: z.object({ before: z.enum(URGENCIES).nullable(), after: z.enum(URGENCIES).nullable() }),
    promptsGained: z.array(z.enum(PROMPT_ACTIONS)),
    promptsLost: z.array(z.enum(PROMPT_ACTIONS)),
    factsChanged: z.array(z.object({ fact: z.string(), before: z.unknown(), after: z.unknown() })),
  }),
}).openapi('Retriage');

export const CheckResponseResultSchema = z.object({
  check: CheckViewSchema,
  retriage: RetriageSchema.nullable().openapi({ description: 'Present when the answer changed the picture: the new triage and what changed' }),
}).openapi('CheckResponseResult');

export const CheckListSchema = z.object({ checks: z.array(CheckViewSchema) }).openapi('CheckList');
