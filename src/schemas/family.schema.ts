import { z } from '@hono/zod-openapi';

const note = z.string().trim().min(3).max(2000);

const common = {
  audience: z.enum(['parent_carer', 'child']).openapi({ description: 'A parent or carer, or an older child (the letter then says “you”)' }),
  referrerAgreedToBeNamed: z.boolean().default(false)
    .openapi({ description: 'A professional referrer agreed to be named; their organisation is then named. A member of the public is never named.' }),
  notForFamily: z.array(note).max(20).default([])
    .openapi({ description: 'What the screener marks as not for the family (for example, a police investigation): refused in the text, kept with the explanation' }),
};

export const FamilyDraftInputSchema = z.strictObject(common).openapi('FamilyExplanationDraftInput');
export const FamilySendInputSchema = z.strictObject({
  ...common,
  text: z.string().trim().min(20).max(10_000).openapi({ description: 'The letter as sent: the draft, or the practitioner’s edit of it' }),
}).openapi('FamilyExplanationSendInput');
export type FamilyDraftInput = z.infer<typeof FamilyDraftInputSchema>;
export type FamilySendInput = z.infer<typeof FamilySendInputSchema>;

const ReadabilitySchema = z.object({
  sentences: z.number().int(), words: z.number().int(), syllables: z.number().int(),
  readingEase: z.number().openapi({ description: 'Flesch reading ease: higher is easier; 70–80 is plain English' }),
  grade: z.number().openapi({ description: 'Flesch–Kincaid grade level' }),
  readingAge: z.number().openapi({ description: 'Grade + 5, in years; the aim is about 11–12' }),
  withinTarget: z.boolean(),
}).openapi('Readability');

export const FamilyDraftSchema = z.object({
  contactId: z.string(),
  decisionId: z.string(),
  audience: z.enum(['parent_carer', 'child']),
  text: z.string(),
  readability: ReadabilitySchema,
  withheld: z.array(z.object({ kind: z.string(), reason: z.string() }))
    .openapi({ description: 'What the letter must not say, by kind and reason (never the withheld text itself): sending a text that contains any is refused' }),
}).openapi('FamilyExplanationDraft');

export const FamilyExplanationSchema = z.object({
  id: z.string(), contactId: z.string(), decisionId: z.string(), audience: z.string(), text: z.string(), edited: z.boolean(),
  readability: ReadabilitySchema, notForFamily: z.array(z.string()), referrerNamed: z.boolean(), sentBy: z.string(), sentAt: z.string(),
}).openapi('FamilyExplanation');
export const FamilyExplanationListSchema = z.object({ explanations: z.array(FamilyExplanationSchema) }).openapi('FamilyExplanationList');
