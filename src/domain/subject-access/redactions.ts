/** One thing withheld from the export: where it is, what it is about, and the exemption the reviewer weighs before any release. */
export interface Redaction { contactId: string; field: string; about: string; reason: string; basis: string }

/*
 * The exemptions are those of the Data Protection Act 2018 that a subject
 * access response from children's social care leans on: information
 * identifying other people (Schedule 2 paragraphs 16–17), and the social work
 * exemption where release would be likely to prejudice carrying out social
 * work by causing serious harm (Schedule 3 Part 3).
 * https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/right-of-access/
 */
export const REASONS = {
  referrer: { reason: 'Identifies the person who made the contact, who did not agree to be named', basis: 'DPA 2018 Sch. 2 para 16 (third-party information); Sch. 3 Part 3 (social work)' },
  third_party: { reason: 'Information about other people', basis: 'DPA 2018 Sch. 2 para 16 (third-party information)' },
  partner: { reason: 'A partner agency’s information, which may be about other people; ask the agency before release', basis: 'DPA 2018 Sch. 2 paras 16–17 (third-party information)' },
  reviewer: { reason: 'Professional reasoning that may name other people: for the reviewer to read and release what is the person’s own', basis: 'DPA 2018 Sch. 2 para 16; release what can be released with the names removed' },
} as const;
