import { z } from '@hono/zod-openapi';
import { REFERRAL_SOURCE_CODES, REFERRER_GROUPS } from './codes.js';
import { Instant } from './contact.schema.js';
import { OUTCOMES } from './decision.schema.js';

export const FEEDBACK_CHANNELS = ['email', 'secure_email', 'phone', 'letter', 'in_person', 'online_form', 'other'] as const;

export const FeedbackSentInputSchema = z.strictObject({
  sentVia: z.enum(FEEDBACK_CHANNELS).openapi({ description: 'How the referrer was told' }),
  sentAt: Instant.optional().openapi({ description: 'When the referrer was told; defaults to now' }),
}).openapi('FeedbackSentInput');
export type FeedbackSentInput = z.infer<typeof FeedbackSentInputSchema>;

export const FeedbackViewSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  decisionId: z.string(),
  reviewId: z.string().nullable().openapi({ description: 'The manager’s review, when the feedback follows an endorse or overturn' }),
  outcome: z.enum(OUTCOMES),
  referrerSource: z.enum(REFERRAL_SOURCE_CODES).openapi({ description: 'CIN census source of the referral' }),
  referrerGroup: z.enum(REFERRER_GROUPS),
  professional: z.boolean().nullable().openapi({ description: 'null when the source is unknown (CIN 10)' }),
  channel: z.string().nullable().openapi({ description: 'The channel the referral came by, to answer through, if known' }),
  message: z.string().openapi({ description: 'What was decided, in plain words; no one’s personal data' }),
  status: z.enum(['unsent', 'sent', 'superseded']),
  createdAt: z.string(),
  supersededBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentVia: z.string().nullable(),
  sentBy: z.string().nullable(),
  sentRecordedAt: z.string().nullable(),
}).openapi('ReferrerFeedback');
export type FeedbackView = z.infer<typeof FeedbackViewSchema>;

export const FeedbackListSchema = z.object({ feedback: z.array(FeedbackViewSchema) }).openapi('ReferrerFeedbackList');
