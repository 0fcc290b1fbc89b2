import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact } from '../../fixtures/contacts.js';
import { auditOf, body, decide, recordContact, type Json } from '../../support/decisions.js';
import { createTestApp, OTHER_LA, type TestApp } from '../../support/test-app.js';

/** Recording that the referrer was told: once, by a screener of the authority, in the trail. */
describe('POST /api/v1/referrer-feedback/{id}/sent', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  async function unsentFeedback() {
    const contact = await recordContact(t, quietContact({ referrer: { source: '2A', name: 'Ophelia Marchbanks', organisation: 'Primary school' } }));
    expect((await decide(t, contact, { outcome: 'early_help', promptResponses: [] })).status).toBe(201);
    const feedback = (await body(await t.request('GET', '/api/v1/referrer-feedback'))).feedback.find((f: Json) => f.contactId === contact.id);
    return { contact, feedback };
  }
  const markSent = (id: string, sent: unknown, options: { role?: 'screener' | 'manager' | 'auditor' | 'admin'; la?: string; sub?: string } = {}) =>
    t.request('POST', `/api/v1/referrer-feedback/${id}/sent`, { body: sent, ...options });

  describe('happy', () => {
    it('records how, when and by whom it was sent; the list moves it from unsent to sent; the trail has ids only', async () => {
      const { contact, feedback } = await unsentFeedback();
      t.clock.advance(60 * 60_000);
      const res = await markSent(feedback.id, { sentVia: 'letter', sentAt: '2026-11-28T10:30:00Z' }, { sub: 'screener-2' });
      expect(res.status).toBe(200);
      expect(await body(res)).toMatchObject({ id: feedback.id, status: 'sent', sentVia: 'letter', sentAt: '2026-11-28T10:30:00.000Z', sentBy: 'screener-2', sentRecordedAt: '2026-11-28T11:00:00.000Z' });

      const ids = async (status: string) => (await body(await t.request('GET', `/api/v1/referrer-feedback?status=${status}`, { role: 'manager' }))).feedback.map((f: Json) => f.id);
      expect(await ids('unsent')).not.toContain(feedback.id);
      expect(await ids('sent')).toContain(feedback.id);
      expect(await ids('all')).toContain(feedback.id);

      const entry = (await auditOf(t, contact.id)).at(-1)!;
      expect(entry).toMatchObject({ action: 'referrer_feedback.sent', actor_sub: 'screener-2', actor_role: 'screener' });
      expect(entry.detail).toMatchObject({ feedbackId: feedback.id, decisionId: feedback.decisionId, sentVia: 'letter', sentAt: '2026-11-28T10:30:00.000Z' });
      expect(JSON.stringify(entry.detail)).not.toContain(feedback.message.slice(0, 30));
      expect(JSON.stringify(entry.detail)).not.toContain('Marchbanks');
      expect(feedback.message).not.toContain('Marchbanks');
    });
  });

  describe('error', () => {
    it('a second time is 409 and changes nothing', async () => {
      const { contact, feedback } = await unsentFeedback();
      expect((await markSent(feedback.id, { sentVia: 'email' })).status).toBe(200);
      const before = (await auditOf(t, contact.id)).length;
      const again = await markSent(feedback.id, { sentVia: 'phone' });
      expect(again.status).toBe(409);
      expect((await auditOf(t, contact.id)).length).toBe(before);
      const row = await t.deps.db.selectFrom('referrer_feedback').selectAll().where('id', '=', feedback.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'sent', sent_via: 'email' });
    });

    it('a time in the future or before the decision is 422; an unknown channel or filter is refused', async () => {
      const { feedback } = await unsentFeedback();
      expect((await markSent(feedback.id, { sentVia: 'email', sentAt: '2026-12-28T10:00:00Z' })).status).toBe(422);
      expect((await markSent(feedback.id, { sentVia: 'email', sentAt: '2026-11-01T10:00:00Z' })).status).toBe(422);
      expect((await markSent(feedback.id, { sentVia: 'pigeon' })).status).toBeGreaterThanOrEqual(400);
      expect((await t.request('GET', '/api/v1/referrer-feedback?status=lost')).status).toBe(400);
      expect((await markSent('fbk_0000000000000000000000000z', { sentVia: 'email' })).status).toBe(404);
      const row = await t.deps.db.selectFrom('referrer_feedback').select('status').where('id', '=', feedback.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('unsent');
    });

    it('a failed audit write leaves the feedback unsent', async () => {
      const { feedback } = await unsentFeedback();
      const db = t.deps.db;
      await sql`create function test_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$`.execute(db);
      await sql`create trigger test_refuse_audit before insert on audit_log for each row execute function test_refuse_audit()`.execute(db);
      try {
        expect((await markSent(feedback.id, { sentVia: 'email' })).status).toBe(500);
      } finally {
        await sql`drop trigger test_refuse_audit on audit_log`.execute(db);
        await sql`drop function test_refuse_audit()`.execute(db);
      }
      const row = await t.deps.db.selectFrom('referrer_feedback').select('status').where('id', '=', feedback.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('unsent');
    });
  });

  describe('security', () => {
    it('another authority’s feedback is 404 and not listed; only a screener may mark it sent; no token is 401', async () => {
      const { feedback } = await unsentFeedback();
      expect((await markSent(feedback.id, { sentVia: 'email' }, { la: OTHER_LA })).status).toBe(404);
      const other = (await body(await t.request('GET', '/api/v1/referrer-feedback?status=all', { la: OTHER_LA }))).feedback;
      expect(other.map((f: Json) => f.id)).not.toContain(feedback.id);
      expect((await markSent(feedback.id, { sentVia: 'email' }, { role: 'manager' })).status).toBe(403);
      expect((await markSent(feedback.id, { sentVia: 'email' }, { role: 'admin' })).status).toBe(403);
      expect((await t.request('GET', '/api/v1/referrer-feedback', { role: 'auditor' })).status).toBe(403);
      expect((await t.request('POST', `/api/v1/referrer-feedback/${feedback.id}/sent`, { body: { sentVia: 'email' }, token: null })).status).toBe(401);
      const row = await t.deps.db.selectFrom('referrer_feedback').select('status').where('id', '=', feedback.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('unsent');
    });
  });
});
