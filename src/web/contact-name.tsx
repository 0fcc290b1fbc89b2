import type { ContactSummary } from '../domain/contacts/summarise-contacts.js';
import { REFERRAL_SOURCES } from '../schemas/codes.js';
import { formatInstant } from './components.js';
import { CONCERN_OPTIONS } from './labels.js';

export type Summaries = ReadonlyMap<string, ContactSummary>;

/** "Amy, 3 years and a child of 8 months": the children as a screener would name them. */
export function childrenInWords(summary: ContactSummary | undefined): string {
  if (!summary || summary.children.length === 0) return 'No child named';
  const each = summary.children.map((c) => c.givenName ? `${c.givenName}${c.age ? `, ${c.age}` : ''}` : c.age ? `a child of ${c.age.replace(/^unborn/, 'unborn')}` : 'a child, age not known');
  const words = each.length === 1 ? (each[0] ?? '') : `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const referrer = (code: string) => (REFERRAL_SOURCES as Record<string, string>)[code]?.replace(/\s*\(.*\)$/, '') ?? code;
const concern = (code: string) => CONCERN_OPTIONS.find(([c]) => c === code)?.[1] ?? code;

/** Referrer, concerns and time received, for the line under a contact's name. */
export function contactDetails(summary: ContactSummary | undefined): string {
  if (!summary) return '';
  const concerns = summary.concerns.map(concern);
  return [`From ${referrer(summary.referrerSource).replace(/^\w/, (c) => c.toLowerCase())}`, concerns.join(', ') || 'no concern coded', `received ${formatInstant(summary.receivedAt)}`].join(' · ');
}

/** A contact in a list: the children linked to the page, and what came in under them. */
export function ContactName({ href, summary }: { href: string; summary: ContactSummary | undefined }) {
  return (
    <>
      <a class="govuk-link" href={href}>{childrenInWords(summary)}</a>
      <br /><span class="govuk-body-s">{contactDetails(summary)}</span>
    </>
  );
}
