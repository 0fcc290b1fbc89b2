import { z } from '@hono/zod-openapi';
import { Instant } from './contact.schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const TransferAcknowledgementInputSchema = z.strictObject({
  acknowledgedAt: Instant.optional().openapi({ description: 'When the previous authority acknowledged the move; defaults to now' }),
  acknowledgedBy: z.strictObject({ organisation: text(200).nullish(), role: text(200).nullish(), name: text(200).nullish() }).nullish(),
  receivedVia: z.enum(['phone', 'email', 'secure_email', 'meeting', 'letter', 'partner_api', 'other']).optional(),
  handoverDiscussion: z.strictObject({
    heldAt: Instant,
    summary: text(2000),
    interimProtectionAgreed: z.boolean().nullish(),
  }).nullish().openapi({ description: 'The discussion between the two authorities about the handover, if held' }),
}).openapi('TransferAcknowledgementInput');

export type TransferAcknowledgementInput = z.infer<typeof TransferAcknowledgementInputSchema>;

export const TransferViewSchema = z.object({
  id: z.string(),
  contactId: z.string().nullable().openapi({ description: 'Shown to the receiving authority only' }),
  localAuthority: z.string(),
  fromAuthority: z.string().nullable(),
  plan: z.enum(['cp', 'cin']),
  movedInOn: z.string().nullable(),
  status: z.enum(['awaiting_acknowledgement', 'acknowledged']),
  overdue: z.boolean(),
  awareAt: z.string(),
  previousAuthorityNotified: z.boolean().nullable(),
  previousAuthorityNotifiedAt: z.string().nullable(),
  acknowledgementDueAt: z.string(),
  conferenceDueAt: z.string().nullable().openapi({ description: 'CP only: the transfer-in conference, 15 working days from awareness' }),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedByAuthority: z.string().nullable(),
  acknowledgementChannel: z.string().nullable(),
  handoverDiscussion: z.record(z.string(), z.unknown()).nullable(),
}).openapi('Transfer');
export type TransferView = z.infer<typeof TransferViewSchema>;

export const TransferListSchema = z.object({ transfers: z.array(TransferViewSchema) }).openapi('TransferList');
