import type { ContactInput } from '../../src/schemas/contact.schema.js';
import { decide, recordContact, review, type Json } from './decisions.js';
import type { TestApp } from './test-app.js';

export interface ContactPlan {
  input: ContactInput;
  screener: string;
  outcome: string;
  declined?: Record<string, string>;
  overrideReason?: string;
  review?: { verdict: 'endorse' | 'overturn'; outcome?: string; manager?: string; at?: string };
  decideAt?: string;
  /** When to close it; left open when absent. */
  closeAt?: string;
}

/** Records, decides, reviews (when it departed) and closes a contact through the API, as the people at the front door would. */
export async function runContact(t: TestApp, plan: ContactPlan): Promise<Json> {
  const contact = await recordContact(t, plan.input, plan.screener);
  if (plan.decideAt) t.clock.set(plan.decideAt);
  const decided = await decide(t, contact, { outcome: plan.outcome, ...(plan.overrideReason ? { overrideReason: plan.overrideReason } : {}) }, plan.declined ?? {}, plan.screener);
  if (decided.status !== 201) throw new Error(`decision failed: ${decided.status} ${await decided.text()}`);
  const decision = await decided.json();
  if (plan.review) {
    if (plan.review.at) t.clock.set(plan.review.at);
    const reviewed = await review(t, contact.id, { verdict: plan.review.verdict, ...(plan.review.outcome ? { outcome: plan.review.outcome } : {}) }, { sub: plan.review.manager ?? 'manager-1' });
    if (reviewed.status !== 201) throw new Error(`review failed: ${reviewed.status} ${await reviewed.text()}`);
  }
  if (plan.closeAt) {
    t.clock.set(plan.closeAt);
    const closed = await t.request('POST', `/api/v1/contacts/${contact.id}/close`, { sub: plan.screener });
    if (closed.status !== 200) throw new Error(`close failed: ${closed.status} ${await closed.text()}`);
  }
  return { ...contact, decision };
}
