import { z } from '@hono/zod-openapi';
import { PARTNERS } from './codes.js';
import { Instant } from './contact.schema.js';

/*
 * The categories follow the Department for Education's "Information sharing:
 * advice for practitioners providing safeguarding services for children,
 * young people, parents and carers" (May 2024), which names the UK GDPR
 * lawful bases most relevant to safeguarding (public task, legal
 * obligation, vital interests, legitimate interests, and consent, which it
 * says is not usually the right basis), and the circumstances in which a
 * practitioner shares without seeking agreement or against a refusal: where
 * seeking it would place a child at increased risk of harm, prejudice the
 * prevention, detection or prosecution of a crime, or cause unjustified
 * delay in enquiries about significant harm (s47).
 * https://www.gov.uk/government/publications/safeguarding-practitioners-information-sharing-advice
 */
export const LAWFUL_BASES = {
  public_task: 'UK GDPR Article 6(1)(e): public task',
  legal_obligation: 'UK GDPR Article 6(1)(c): legal obligation',
  vital_interests: 'UK GDPR Article 6(1)(d): vital interests',
  legitimate_interests: 'UK GDPR Article 6(1)(f): legitimate interests (not for a public authority’s own tasks)',
  consent: 'UK GDPR Article 6(1)(a): consent',
} as const;
export type LawfulBasis = keyof typeof LAWFUL_BASES;

export const SPECIAL_CATEGORY_CONDITIONS = {
  safeguarding_children: 'DPA 2018 Schedule 1 paragraph 18: safeguarding of children and individuals at risk',
  substantial_public_interest: 'UK GDPR Article 9(2)(g): substantial public interest (another Schedule 1 condition)',
  vital_interests: 'UK GDPR Article 9(2)(c): vital interests',
  explicit_consent: 'UK GDPR Article 9(2)(a): explicit consent',
} as const;

export const CONSENT_POSITIONS = {
  given: 'Agreement sought and given',
  refused: 'Agreement sought and refused; shared without it',
  not_sought: 'Agreement not sought',
} as const;
export type ConsentPosition = keyof typeof CONSENT_POSITIONS;

export const WITHOUT_CONSENT_REASONS = {
  risk_to_child: 'Seeking agreement would place a child at increased risk of harm',
  prejudice_crime: 'Seeking agreement would prejudice the prevention, detection or prosecution of a crime (a police investigation)',
  s47_delay: 'Seeking agreement would cause unjustified delay in enquiries about significant harm (s47)',
  risk_to_adult: 'Seeking agreement would place another person (such as an adult victim of domestic abuse) at risk',
  not_contactable: 'The person could not be reached in the time the child’s safety allows',
  other: 'Another reason, set out in the rationale',
} as const;
export type WithoutConsentReason = keyof typeof WITHOUT_CONSENT_REASONS;

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (max: number) => z.string().trim().min(1).max(max);

/** The information-sharing decision behind one check or disclosure: without it nothing goes to a partner. */
export const SharingBasisSchema = z.strictObject({
  lawfulBasis: z.enum(keys(LAWFUL_BASES)).openapi({ description: 'The UK GDPR Article 6 basis for sharing' }),
  specialCategoryCondition: z.enum(keys(SPECIAL_CATEGORY_CONDITIONS)).nullish()
    .openapi({ description: 'The Article 9 / DPA 2018 Schedule 1 condition, when health, ethnicity or other special category data is shared' }),
  consent: z.enum(keys(CONSENT_POSITIONS)).openapi({ description: 'Whether the family’s agreement was sought, and what they said' }),
  withoutConsentReason: z.enum(keys(WITHOUT_CONSENT_REASONS)).nullish()
    .openapi({ description: 'Why sharing goes ahead without agreement: required when consent is refused or not_sought, absent when given' }),
  rationale: text(2000).openapi({ description: 'Why this sharing is necessary and proportionate, in the decider’s words' }),
  decidedBy: text(200).optional().openapi({ description: 'Who decided (name and role); defaults to the caller' }),
  decidedAt: Instant.optional().openapi({ description: 'When it was decided; defaults to now' }),
}).superRefine((s, ctx) => {
  if (s.consent !== 'given' && !s.withoutConsentReason) {
    ctx.addIssue({ code: 'custom', path: ['withoutConsentReason'], message: `is required when consent is ${s.consent}` });
  }
  if (s.consent === 'given' && s.withoutConsentReason) {
    ctx.addIssue({ code: 'custom', path: ['withoutConsentReason'], message: 'must be absent when consent was given' });
  }
}).openapi('SharingBasis');
export type SharingBasisInput = z.infer<typeof SharingBasisSchema>;

export const DisclosureInputSchema = z.strictObject({
  partner: z.enum(PARTNERS),
  shared: text(2000).openapi({ description: 'What was shared, in general terms (not the information itself)' }),
  sharing: SharingBasisSchema,
}).openapi('DisclosureInput');
export type DisclosureInput = z.infer<typeof DisclosureInputSchema>;

export const SharingViewSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  kind: z.enum(['check', 'disclosure']),
  checkId: z.string().nullable(),
  partner: z.enum(PARTNERS),
  shared: z.string().nullable(),
  lawfulBasis: z.enum(keys(LAWFUL_BASES)),
  specialCategoryCondition: z.enum(keys(SPECIAL_CATEGORY_CONDITIONS)).nullable(),
  consent: z.enum(keys(CONSENT_POSITIONS)),
  withoutConsentReason: z.enum(keys(WITHOUT_CONSENT_REASONS)).nullable(),
  rationale: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
}).openapi('SharingRecord');

export const SharingListSchema = z.object({ records: z.array(SharingViewSchema) }).openapi('SharingLedger');
