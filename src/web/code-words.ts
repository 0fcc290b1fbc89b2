import { OUTCOME_OPTIONS } from './decisions/decision-form.js';
import { ETHNICITY_OPTIONS } from './labels.js';

/**
 * Codes the oversight, trail and audit pages show, in words: one place, so
 * that "awaiting_review" reads the same everywhere. Options lists the forms
 * already use (outcomes, ethnicity) are reused, not copied.
 */
const wordOf = (options: readonly (readonly [string, string])[], code: string) => options.find(([v]) => v === code)?.[1];
const sentence = (code: string) => code.replace(/[._]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

export const outcomeWords = (code: string | null | undefined) =>
  code === 'undecided' || !code ? 'Not yet decided' : wordOf(OUTCOME_OPTIONS, code) ?? sentence(code);

const PRIORITY_WORDS: Record<string, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
export const priorityWords = (code: string) => PRIORITY_WORDS[code] ?? sentence(code);

export const REFERRER_GROUP_OPTIONS: [string, string][] = [['professional', 'Professional'], ['non_professional', 'Family or public'], ['anonymous', 'Anonymous']];
export const referrerGroupWords = (code: string) => wordOf(REFERRER_GROUP_OPTIONS, code) ?? (code === 'unknown' ? 'Not known' : sentence(code));

export const ethnicityWords = (code: string) => (code === 'missing' ? 'Not recorded' : wordOf(ETHNICITY_OPTIONS, code) ?? code);

/** Where a contact stands, as a phrase inside a sentence: "waiting for a decision". */
const CONTACT_STATUS_WORDS: Record<string, string> = {
  awaiting_decision: 'waiting for a decision', awaiting_review: 'waiting for a manager’s review', decided: 'decided', closed: 'closed',
};
export const statusWords = (code: string | null) => (code === null ? 'new' : CONTACT_STATUS_WORDS[code] ?? code.replace(/_/g, ' '));

const CHECK_STATUS_WORDS: Record<string, string> = {
  awaiting_basis: 'waiting for the basis for sharing', awaiting_dispatch: 'waiting to be sent', dispatch_failed: 'sending failed',
  send_by_hand: 'to be sent by hand', awaiting_response: 'waiting for a reply', responded: 'answered',
};
export const checkStatusWords = (code: unknown) => (typeof code === 'string' ? CHECK_STATUS_WORDS[code] ?? code.replace(/_/g, ' ') : '');

/** The manager's verdict, as a past tense after the manager's name. */
const VERDICT_WORDS: Record<string, string> = { endorse: 'endorsed the screener’s decision', overturn: 'overturned the screener’s decision', return: 'returned the decision to the screener to decide again' };
export const verdictWords = (code: unknown) => (typeof code === 'string' ? VERDICT_WORDS[code] ?? code : '');

/** A prompt's action code as a phrase: strategy_discussion → "strategy discussion". */
export const promptWords = (action: string) => action.replace(/_/g, ' ');

/** A partner by the name the authority's settings give it (Police, GP practice…), or its code in words. */
export type PartnerNames = Readonly<Record<string, string>>;
export const partnerWords = (names: PartnerNames, code: unknown) => (typeof code === 'string' ? names[code] ?? sentence(code) : 'a partner');
export const partnerNamesOf = (settings: { partners: Readonly<Record<string, { name: string }>> }): PartnerNames =>
  Object.fromEntries(Object.entries(settings.partners).map(([code, p]) => [code, p.name]));
