import type { ReferrerGroup } from '../../schemas/codes.js';
import type { Outcome } from '../../schemas/decision.schema.js';

export interface FeedbackFacts {
  outcome: Outcome;
  receivedAt: Date;
  children: number;
  group: ReferrerGroup;
}

const dateInWords = (d: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(d);

/**
 * What was decided, in plain words, for each outcome. Built from the outcome
 * alone: no names, dates of birth, narrative or history. An open case or a
 * plan elsewhere is history, so those outcomes are told as "passed on".
 */
const DECIDED: Record<Outcome, (child: string) => string> = {
  immediate_protection: (child) => `We are taking action today to keep ${child} safe.`,
  strategy_discussion: (child) => `We have decided to hold a strategy discussion with the police and health, to agree together how to keep ${child} safe.`,
  assessment_s17: (child) => `We have decided that a social worker will carry out an assessment, to understand what help ${child} and the family may need.`,
  pre_birth_assessment: () => 'We have decided that a social worker will carry out an assessment before the baby is born, to understand what help the family may need.',
  pass_to_allocated_worker: () => 'We have passed the information you gave us to the social care team who will take it forward.',
  cp_transfer_in: () => 'We have passed the information you gave us to the social care team who will take it forward.',
  early_help: () => 'We have decided that the family will be offered support from our early help services.',
  information_advice: () => 'We have decided to give the family information and advice. Children’s social care will take no further action at this time.',
  nfa: () => 'We have decided that no further action by children’s social care is needed at this time.',
  other: () => 'We have considered your referral and decided on the next steps.',
};

const CLOSING: Record<'professional' | 'public', string> = {
  professional: 'If you disagree with this decision, you can raise it through the local escalation procedure. If you have new concerns, contact us again straight away.',
  public: 'We cannot share more about the child or the family, because their information is private. If you are worried about a child again, contact us straight away.',
};

/** The message to the referrer: thanks, what was decided, and what to do if worried again. */
export function feedbackMessage({ outcome, receivedAt, children, group }: FeedbackFacts): string {
  return [
    `Thank you for your referral received on ${dateInWords(receivedAt)}.`,
    DECIDED[outcome](children > 1 ? 'the children' : 'the child'),
    CLOSING[group === 'professional' ? 'professional' : 'public'],
    'If you think a child is in immediate danger, call 999.',
  ].join(' ');
}
