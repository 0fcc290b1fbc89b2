import { describe, expect, it } from 'vitest';
import { feedbackMessage } from '../../../src/domain/feedback/feedback-message.js';
import { REFERRER_GROUPS } from '../../../src/schemas/codes.js';
import { OUTCOMES } from '../../../src/schemas/decision.schema.js';

const RECEIVED = new Date('2023-03-14T09:20:00Z');

/** The words a referrer is sent: one sentence per outcome, nothing about the family beyond the outcome. */
describe('feedbackMessage', () => {
  it.each(OUTCOMES)('%s: thanks, the decision in plain words, what to do if worried, and no history or codes', (outcome) => {
    const message = feedbackMessage({ outcome, receivedAt: RECEIVED, children: 1, group: 'professional' });
    expect(message).toMatch(/^Thank you for your referral received on 14 March 2023\. /);
    expect(message).toMatch(/call 999\.$/);
    expect(message).not.toMatch(/_|\bplan\b|allocated|transfer|previous|known to|section 17|s17/i);
  });

  it('says when the referral was received in London time, as the referrer knows it', () => {
    expect(feedbackMessage({ outcome: 'nfa', receivedAt: new Date('2026-06-30T23:30:00Z'), children: 1, group: 'professional' }))
      .toContain('received on 1 July 2026.');
  });

  it('speaks of the child or the children by number only', () => {
    expect(feedbackMessage({ outcome: 'strategy_discussion', receivedAt: RECEIVED, children: 2, group: 'professional' })).toContain('keep the children safe');
    expect(feedbackMessage({ outcome: 'strategy_discussion', receivedAt: RECEIVED, children: 1, group: 'professional' })).toContain('keep the child safe');
  });

  it('tells professionals how to challenge; tells everyone else why no more can be shared', () => {
    const told = Object.fromEntries(REFERRER_GROUPS.map((group) => [group, feedbackMessage({ outcome: 'nfa', receivedAt: RECEIVED, children: 1, group })]));
    expect(told.professional).toContain('local escalation procedure');
    for (const group of ['non_professional', 'unknown', 'anonymous']) {
      expect(told[group]).toContain('We cannot share more about the child or the family');
      expect(told[group]).not.toContain('escalation');
    }
  });
});
