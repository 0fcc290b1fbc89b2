import { z } from '@hono/zod-openapi';
import { INDICATORS, PRIORITIES, PROMPT_ACTIONS, ROUTES, URGENCIES } from './codes.js';
import { DepartureSchema, OUTCOMES, OVERRIDE_REASONS } from './decision.schema.js';

export const ReviewQueueQuery = z.object({
  status: z.enum(['pending']).default('pending').openapi({ param: { name: 'status', in: 'query' }, description: 'Only pending reviews are listed' }),
});

export const ReviewQueueItemSchema = z.object({
  contactId: z.string(),
  etag: z.string().openapi({ description: 'The contact’s current ETag: send it as If-Match when reviewing' }),
  priority: z.enum(PRIORITIES),
  score: z.number().int(),
  receivedAt: z.string(),
  decisionId: z.string(),
  outcome: z.enum(OUTCOMES),
  suggested: z.object({ route: z.enum(ROUTES).nullable(), urgency: z.enum(URGENCIES).nullable() })
    .openapi({ description: 'The route and urgency the triage suggested; null for triages made without a response table' }),
  route: z.enum(ROUTES).nullable().openapi({ description: 'The route the screener decided on (the suggestion unless they changed it)' }),
  urgency: z.enum(URGENCIES).nullable().openapi({ description: 'The urgency the screener decided on (the suggestion unless they changed it)' }),
  declinedPrompts: z.array(z.object({ action: z.enum(PROMPT_ACTIONS), indicator: z.enum(INDICATORS), reason: z.string().nullable(), raisedBy: z.array(z.string()) })),
  departures: z.array(DepartureSchema),
  overrideReason: z.enum(OVERRIDE_REASONS).nullable(),
  screener: z.string().openapi({ description: 'The sub of the screener who decided' }),
  decidedAt: z.string(),
  waitingMinutes: z.number().int(),
  waitingWorkingDays: z.number().int(),
  reviewDueBy: z.string().nullable().openapi({ description: 'Against the authority’s review timescale for the priority (red: end of the same working day), and no later than the clock of the more urgent of the suggested and the chosen urgency' }),
  overdue: z.boolean(),
}).openapi('ReviewQueueItem');

export const ReviewQueueSchema = z.object({
  status: z.literal('pending'),
  asOf: z.string(),
  count: z.number().int(),
  items: z.array(ReviewQueueItemSchema),
}).openapi('ReviewQueue');

export const TrailSchema = z.object({
  contactId: z.string(),
  status: z.string(),
  checkpoint: z.object({ treeSize: z.number().int(), rootHash: z.string(), note: z.string() }).nullable()
    .openapi({ description: 'The latest signed checkpoint of the authority\'s audit log: every inclusion proof below is against it' }),
  events: z.array(z.object({
    id: z.string(),
    chainIndex: z.number().int().nullable().openapi({ description: 'The leaf index in the audit log; null while the entry waits (about a second) for its place' }),
    inclusion: z.object({ leafIndex: z.number().int(), leafHash: z.string(), proof: z.array(z.string()) }).nullable()
      .openapi({ description: 'RFC 9162 inclusion proof against the checkpoint above (base64 hashes); null while the entry is not yet in it' }),
    event: z.string().openapi({ example: 'decided', description: 'recorded, triaged, read, decided, returned, reviewed, closed, trail_read' }),
    action: z.string().openapi({ example: 'contact.decided' }),
    actor: z.object({ sub: z.string(), role: z.string() }),
    at: z.string(),
    change: z.object({ statusBefore: z.string().nullable(), statusAfter: z.string() }).nullable(),
    detail: z.record(z.string(), z.unknown()).openapi({ description: 'What the event recorded, by id (never names or NHS numbers)' }),
  })),
}).openapi('Trail');

export const ClosedContactSchema = z.object({
  id: z.string(),
  status: z.literal('closed'),
  closedAt: z.string(),
  version: z.number().int(),
}).openapi('ClosedContact');
