import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact } from '../../fixtures/contacts.js';
import { json, PARTNER_ENV, START_UP_MS } from '../../support/partners.js';
import { createTestApp, HOME_LA, OTHER_LA, type TestApp } from '../../support/test-app.js';

const THIRD_LA = 'E08000025';

/** Moves between authorities: a transfer record per move with a plan, acknowledged by the other authority or by hand. */
describe('transfers between authorities', () => {
  let t: TestApp;
  const ids = { cp: '', cin: '', cpContact: '', cinContact: '' };
  beforeAll(async () => {
    t = await createTestApp({ env: PARTNER_ENV, now: '2026-11-24T10:00:00Z' });
  }, START_UP_MS);
  afterAll(async () => { await t.close(); });

  const moved = (plan: 'cp' | 'cin' | 'early_help', notified: boolean | null) => quietContact({
    receivedAt: '2026-11-24T10:00:00Z',
    movement: { movedIntoAreaOn: '2026-11-10', previousAuthority: OTHER_LA, planInPreviousAuthority: plan, previousAuthorityNotified: notified },
  });
  const transferOf = (contactId: string) => t.deps.db.selectFrom('transfers').selectAll().where('contact_id', '=', contactId).executeTakeFirst();
  const acknowledge = (id: string, body: unknown, as: { role: 'screener' | 'manager' | 'admin' | 'auditor'; la: string }) =>
    t.request('POST', `/api/v1/transfers/${id}/acknowledgement`, { body, role: as.role, la: as.la });

  describe('happy', () => {
    it('a move in with a CP plan opens a transfer: acknowledgement due in 24 hours, conference in 15 working days', async () => {
      const contact = await json(await t.request('POST', '/api/v1/contacts', { body: moved('cp', false) }));
      ids.cpContact = contact.id;
      const transfer = (await transferOf(contact.id))!;
      ids.cp = transfer.id;
      expect(transfer).toMatchObject({
        la: HOME_LA, from_la: OTHER_LA, plan: 'cp', moved_in_on: '2026-11-10', status: 'awaiting_acknowledgement',
        previous_authority_notified: false, previous_authority_notified_at: null,
        aware_at: new Date('2026-11-24T10:00:00Z'), acknowledgement_due_at: new Date('2026-11-25T10:00:00Z'),
        conference_due_at: new Date('2026-12-15T17:00:00Z'),
      });
      const opened = await t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', contact.id).where('action', '=', 'transfer.opened').executeTakeFirstOrThrow();
      expect(opened.detail).toMatchObject({ transferId: transfer.id, plan: 'cp', fromLa: OTHER_LA, conferenceDueAt: '2026-12-15T17:00:00.000Z' });
      const check = await t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', contact.id).where('partner', '=', 'previous_authority').executeTakeFirstOrThrow();
      expect(check).toMatchObject({ partner_la: OTHER_LA, dispatch: 'api' });
    });

    it('a CiN plan opens one with its own timescale and no conference; early help opens none', async () => {
      const cin = await json(await t.request('POST', '/api/v1/contacts', { body: moved('cin', true) }));
      ids.cinContact = cin.id;
      const transfer = (await transferOf(cin.id))!;
      ids.cin = transfer.id;
      expect(transfer).toMatchObject({
        plan: 'cin', conference_due_at: null, previous_authority_notified: true,
        previous_authority_notified_at: new Date('2026-11-24T10:00:00Z'), acknowledgement_due_at: new Date('2026-11-26T10:00:00Z'),
      });
      const earlyHelp = await json(await t.request('POST', '/api/v1/contacts', { body: moved('early_help', null) }));
      expect(await transferOf(earlyHelp.id)).toBeUndefined();
    });

    it('a transfer unacknowledged past its due time is listed as overdue for managers', async () => {
      expect((await json(await t.request('GET', '/api/v1/transfers?status=overdue', { role: 'manager' }))).transfers).toEqual([]);
      t.clock.set('2026-11-25T11:00:00Z');
      const res = await t.request('GET', '/api/v1/transfers?status=overdue', { role: 'manager' });
      expect(res.status).toBe(200);
      const { transfers } = await json(res);
      expect(transfers.map((x: { id: string }) => x.id)).toEqual([ids.cp]);
      expect(transfers[0]).toMatchObject({ overdue: true, plan: 'cp', fromAuthority: OTHER_LA, contactId: ids.cpContact, conferenceDueAt: '2026-12-15T17:00:00.000Z' });
      const awaiting = (await json(await t.request('GET', '/api/v1/transfers', { role: 'manager' }))).transfers;
      expect(awaiting.map((x: { id: string }) => x.id)).toEqual([ids.cp, ids.cin]);
    });

    it('the previous authority acknowledges through the API: late, in the receiving authority’s trail, no longer overdue', async () => {
      const res = await acknowledge(ids.cp, {
        handoverDiscussion: { heldAt: '2026-11-25T10:45:00Z', summary: 'Interim safety plan agreed; records sent by secure email.', interimProtectionAgreed: true },
        acknowledgedBy: { organisation: 'Previous council', role: 'Team manager', name: 'Jo Manager' },
      }, { role: 'admin', la: OTHER_LA });
      expect(res.status).toBe(200);
      const view = await json(res);
      expect(view).toMatchObject({ status: 'acknowledged', overdue: false, acknowledgedByAuthority: OTHER_LA, acknowledgementChannel: 'partner_api', contactId: null });
      const stored = (await transferOf(ids.cpContact))!;
      expect(stored).toMatchObject({ status: 'acknowledged', acknowledged_at: new Date('2026-11-25T11:00:00Z'), acknowledged_by: 'admin-1', acknowledged_by_la: OTHER_LA, previous_authority_notified: true });
      expect(stored.handover_discussion).toMatchObject({ heldAt: '2026-11-25T10:45:00Z', interimProtectionAgreed: true });

      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', ids.cpContact).where('action', '=', 'transfer.acknowledged').executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ la: HOME_LA, actor_role: 'admin', actor_sub: 'admin-1' });
      expect(audit.detail).toMatchObject({ transferId: ids.cp, actorLa: OTHER_LA, channel: 'partner_api', late: true, interimProtectionAgreed: true });
      expect(JSON.stringify(audit.detail)).not.toContain('Jo Manager');
      expect((await json(await t.request('GET', '/api/v1/transfers?status=overdue', { role: 'manager' }))).transfers).toEqual([]);
    });

    it('the receiving authority records an acknowledgement got by hand', async () => {
      const res = await acknowledge(ids.cin, { acknowledgedAt: '2026-11-25T09:00:00Z', receivedVia: 'phone' }, { role: 'screener', la: HOME_LA });
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ status: 'acknowledged', acknowledgementChannel: 'phone', acknowledgedByAuthority: HOME_LA, contactId: ids.cinContact });
      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', ids.cinContact).where('action', '=', 'transfer.acknowledged').executeTakeFirstOrThrow();
      expect(audit.detail).toMatchObject({ late: false, channel: 'phone' });
    });
  });

  describe('error and security', () => {
    it('a second acknowledgement is 409; a future one is 422', async () => {
      expect((await acknowledge(ids.cp, {}, { role: 'screener', la: HOME_LA })).status).toBe(409);
      const contact = await json(await t.request('POST', '/api/v1/contacts', { body: moved('cp', null) }));
      const transfer = (await transferOf(contact.id))!;
      expect((await acknowledge(transfer.id, { acknowledgedAt: '2026-12-30T10:00:00Z' }, { role: 'screener', la: HOME_LA })).status).toBe(422);
      expect((await transferOf(contact.id))!.status).toBe('awaiting_acknowledgement');
    });

    it('a third authority cannot see a transfer; roles are checked on each side', async () => {
      const contact = await json(await t.request('POST', '/api/v1/contacts', { body: moved('cin', null) }));
      const transfer = (await transferOf(contact.id))!;
      expect((await acknowledge(transfer.id, {}, { role: 'admin', la: THIRD_LA })).status).toBe(404);
      expect((await acknowledge(transfer.id, {}, { role: 'manager', la: OTHER_LA })).status).toBe(403);
      expect((await acknowledge(transfer.id, {}, { role: 'admin', la: HOME_LA })).status).toBe(403);
      expect((await acknowledge(transfer.id, {}, { role: 'auditor', la: HOME_LA })).status).toBe(403);
      expect((await t.request('GET', '/api/v1/transfers', { role: 'auditor' })).status).toBe(403);
      expect((await json(await t.request('GET', '/api/v1/transfers?status=all', { role: 'manager', la: OTHER_LA }))).transfers).toEqual([]);
      expect((await transferOf(contact.id))!.status).toBe('awaiting_acknowledgement');
    });
  });
});
