import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, body, contactRow, type Json } from '../../support/decisions.js';
import { decidedContact, draw, DRAW_EVERY_NO_ACTION, SECOND_SCREEN, setSettings } from '../../support/second-opinions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('blind second screens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    setSettings(t, DRAW_EVERY_NO_ACTION);
  });
  afterAll(async () => { await t.close(); });

  const take = (id: string, sub: string, input: Json = SECOND_SCREEN) =>
    t.request('POST', `/api/v1/second-screens/${id}/screen`, { sub, body: input });

  describe('happy', () => {
    it('a draw considers each decision that stood once, selects by the rules, and records each selection in the trail', async () => {
      const nfa = await decidedContact(t);
      const assessment = await decidedContact(t, { outcome: 'assessment_s17' });
      const first = await draw(t);
      expect(first.considered).toBe(2);
      expect(first.selected).toEqual([{ secondScreenId: expect.stringMatching(/^ssc_/), contactId: nfa.id, criterion: 'no_action_share', drawValue: expect.any(Number) }]);
      expect((await draw(t)).considered).toBe(0);

      const trail = (await auditOf(t, nfa.id)).find((a) => a.action === 'second_screen.selected')!;
      expect(trail.detail).toMatchObject({ secondScreenId: first.selected[0].secondScreenId, criterion: 'no_action_share', seed: 'test-seed', decisionId: nfa.decision.id });
      expect((await auditOf(t, assessment.id)).some((a) => a.action === 'second_screen.selected')).toBe(false);
      const drawn = await t.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'second_screen.drawn').execute();
      expect(drawn.length).toBe(2);
    });

    it('the draw is the same whoever runs it: the value depends on the seed and the contact alone', async () => {
      setSettings(t, { secondScreening: { seed: 'another-seed', noActionShare: 0.5, otherShare: 0, infantRepeat: null } });
      const contacts = [];
      for (let i = 0; i < 8; i++) contacts.push(await decidedContact(t));
      const result = await draw(t, 'manager-2');
      const rows = await t.deps.db.selectFrom('second_screen_considerations').select(['contact_id', 'draw_value', 'selected'])
        .where('draw_id', '=', result.id).execute();
      const { seededDraw } = await import('../../../src/lib/agreement/seeded-random.js');
      for (const row of rows) {
        expect(row.draw_value).toBeCloseTo(seededDraw('another-seed', row.contact_id), 12);
        expect(row.selected).toBe(row.draw_value < 0.5);
      }
      expect(rows.length).toBe(8);
      setSettings(t, DRAW_EVERY_NO_ACTION);
    });

    it('an agreeing second screen is recorded as agreed, with no manager step', async () => {
      const contact = await decidedContact(t);
      const { selected } = await draw(t);
      const res = await take(selected[0].secondScreenId, 'second-1', { ...SECOND_SCREEN, outcome: 'nfa', route: 'advice_signpost', urgency: 'none' });
      expect(res.status).toBe(201);
      expect(await body(res)).toMatchObject({ status: 'agreed', agrees: true, first: { outcome: 'nfa' }, second: { screener: 'second-1', outcome: 'nfa' } });
      const recorded = (await auditOf(t, contact.id)).find((a) => a.action === 'second_screen.recorded')!;
      expect(recorded.detail).toMatchObject({ agrees: true, statusAfter: 'agreed', outcome: 'nfa', route: 'advice_signpost', urgency: 'none' });
    });

    it('a disagreement goes to a manager, who settles it with reasons; the contact goes back for a new decision', async () => {
      const contact = await decidedContact(t);
      const { selected } = await draw(t);
      const id = selected[0].secondScreenId;
      expect(await body(await take(id, 'second-1'))).toMatchObject({ status: 'awaiting_settlement', agrees: false });
      const queue = await body(await t.request('GET', '/api/v1/second-screens?status=awaiting_settlement', { role: 'manager' }));
      expect(queue.items.map((i: Json) => i.id)).toContain(id);

      const settled = await t.request('POST', `/api/v1/second-screens/${id}/settlement`, {
        role: 'manager', body: { standing: 'second', rationale: 'Three contacts this term about the same child: an assessment is needed, not another NFA.' },
      });
      expect(settled.status).toBe(201);
      expect(await body(settled)).toMatchObject({ status: 'settled', settlement: { standing: 'second', outcome: 'assessment_s17', settledBy: 'manager-1', reopened: true } });
      expect((await contactRow(t, contact.id)).status).toBe('awaiting_decision');
      const actions = (await auditOf(t, contact.id)).map((a) => a.action);
      expect(actions.slice(-2)).toEqual(['second_screen.settled', 'contact.reopened']);
    });

    it('a settlement that keeps the first outcome leaves the contact as it stood', async () => {
      const contact = await decidedContact(t);
      const id = (await draw(t)).selected[0].secondScreenId;
      await take(id, 'second-2');
      const res = await t.request('POST', `/api/v1/second-screens/${id}/settlement`, {
        role: 'manager', body: { standing: 'first', rationale: 'One graze seen by staff; the history does not change the picture here.' },
      });
      expect(await body(res)).toMatchObject({ settlement: { standing: 'first', outcome: 'nfa', reopened: false } });
      expect((await contactRow(t, contact.id)).status).toBe('decided');
    });
  });

  describe('error', () => {
    it('the screener who decided cannot take the second screen, and someone who worked on the contact cannot either', async () => {
      const contact = await decidedContact(t, { recorder: 'rec-9', decider: 'dec-9' });
      const id = (await draw(t)).selected[0].secondScreenId;
      expect((await take(id, 'dec-9')).status).toBe(403);
      expect((await take(id, 'rec-9')).status).toBe(403);
      const list = await body(await t.request('GET', '/api/v1/second-screens', { sub: 'rec-9' }));
      expect(list.items.map((i: Json) => i.contactId)).not.toContain(contact.id);
      expect((await t.request('GET', `/api/v1/second-screens/${id}`, { sub: 'rec-9' })).status).toBe(404);
    });

    it('taken once only; settled once only; settling needs a disagreement', async () => {
      await decidedContact(t);
      const id = (await draw(t)).selected[0].secondScreenId;
      expect((await take(id, 'second-3', { ...SECOND_SCREEN, outcome: 'nfa' })).status).toBe(201);
      const again = await take(id, 'second-4');
      expect(again.status).toBe(409);
      expect((await body(again)).currentStatus).toBe('agreed');
      const settle = await t.request('POST', `/api/v1/second-screens/${id}/settlement`, { role: 'manager', body: { standing: 'first', rationale: 'Nothing to settle here at all, they agreed.' } });
      expect(settle.status).toBe(409);
    });

    it('names each bad field as a JSON pointer, and stores nothing', async () => {
      await decidedContact(t);
      const id = (await draw(t)).selected[0].secondScreenId;
      const res = await take(id, 'second-5', { outcome: 'maybe', route: 's17_assessment', rationale: 'no' });
      expect(res.status).toBe(422);
      const paths = (await body(res)).errors.map((e: Json) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['/outcome', '/urgency', '/rationale']));
      const settle = await t.request('POST', `/api/v1/second-screens/${id}/settlement`, { role: 'manager', body: { standing: 'neither', rationale: 'Neither stands, for reasons given at length.' } });
      expect(settle.status).toBe(422);
      expect((await body(settle)).errors).toEqual([{ path: '/outcome', message: expect.any(String) }]);
      const row = await t.deps.db.selectFrom('second_screens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.status).toBe('awaiting_screen');
    });
  });
});
