import type { ContactInput } from '../../src/schemas/contact.schema.js';
import type { TestApp } from './test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = any;

/** The body of a response, loosely typed for assertions. */
export const body = async (res: Response): Promise<Json> => res.json();

export interface Prompt { action: string; indicator: 'critical' | 'warning' | 'info'; raisedBy: string[] }

export async function recordContact(t: TestApp, input: ContactInput, sub = 'screener-1'): Promise<Json> {
  const res = await t.request('POST', '/api/v1/contacts', { body: input, sub });
  if (res.status !== 201) throw new Error(`recording failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A response to every critical and warning prompt, accepting them unless told otherwise. */
export function responsesTo(prompts: Prompt[], declined: Record<string, string> = {}) {
  return prompts.filter((p) => p.indicator !== 'info').map((p) => (p.action in declined
    ? { action: p.action, response: 'declined', reason: declined[p.action] }
    : { action: p.action, response: 'accepted' }));
}

export const RATIONALE = 'Spoke with the referrer and the school; the account is consistent and the family are engaging.';
export const REVIEW_RATIONALE = 'Read the contact, the triage and the screener’s reasoning; the threshold view is sound here.';

export function decision(contact: Json, overrides: Record<string, unknown> = {}, declined: Record<string, string> = {}) {
  return {
    outcome: 'assessment_s17',
    rationale: RATIONALE,
    promptResponses: responsesTo(contact.triage.prompts, declined),
    childSeen: false,
    childSpokenTo: false,
    ...overrides,
  };
}

export async function decide(t: TestApp, contact: Json, overrides: Record<string, unknown> = {}, declined: Record<string, string> = {}, sub = 'screener-1') {
  return t.request('POST', `/api/v1/contacts/${contact.id}/decision`, { sub, body: decision(contact, overrides, declined) });
}

export async function etag(t: TestApp, contactId: string): Promise<string> {
  const row = await t.deps.db.selectFrom('contacts').select(['version']).where('id', '=', contactId).executeTakeFirstOrThrow();
  return `"${contactId}-${row.version}"`;
}

export async function review(t: TestApp, contactId: string, input: Record<string, unknown>, options: { sub?: string; ifMatch?: string | null } = {}) {
  const ifMatch = options.ifMatch === undefined ? await etag(t, contactId) : options.ifMatch;
  return t.request('POST', `/api/v1/contacts/${contactId}/review`, {
    role: 'manager', sub: options.sub ?? 'manager-1', body: { rationale: REVIEW_RATIONALE, ...input },
    headers: ifMatch === null ? {} : { 'if-match': ifMatch },
  });
}

export async function auditOf(t: TestApp, contactId: string) {
  return t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', contactId).orderBy('seq').execute();
}

export async function contactRow(t: TestApp, contactId: string) {
  return t.deps.db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirstOrThrow();
}

export async function decisionRows(t: TestApp, contactId: string) {
  return t.deps.db.selectFrom('decisions').selectAll().where('contact_id', '=', contactId).orderBy('sequence').execute();
}

export async function reviewRows(t: TestApp, contactId: string) {
  return t.deps.db.selectFrom('reviews').selectAll().where('contact_id', '=', contactId).orderBy('reviewed_at').execute();
}

/** What a refused request must leave unchanged: the contact row, its decisions, reviews and audit entries. */
export async function snapshot(t: TestApp, contactId: string) {
  return {
    contact: await contactRow(t, contactId),
    decisions: (await decisionRows(t, contactId)).length,
    reviews: (await reviewRows(t, contactId)).length,
    audit: (await auditOf(t, contactId)).length,
  };
}
