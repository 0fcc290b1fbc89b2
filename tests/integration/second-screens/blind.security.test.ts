import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, PUBLIC } from '../../../src/http/access-matrix.js';
import { auditOf, body, type Json } from '../../support/decisions.js';
import { decidedContact, draw, DRAW_EVERY_NO_ACTION, SECOND_SCREEN, setSettings, team, webGet, webSession } from '../../support/second-opinions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const FIRST = 'first-decider-q';
const BLIND = 'blind-b';
const RATIONALE = 'Quillwort marker: advice given to the school; the graze was seen and explained by staff.';

/** A request for every GET route of the API, with the records of this test in place of each id. */
function everyGet(ids: { contact: string; screen: string; exercise: string }) {
  const query: Record<string, string> = {
    '/api/v1/oversight/summary': '?from=2026-11-01&to=2026-11-30',
    '/api/v1/screening-outcomes': '?from=2026-11-01&to=2026-11-30',
    '/api/v1/referrer-feedback': '?status=all',
    '/api/v1/checks': '?status=all',
    '/api/v1/second-screens': '?status=all',
  };
  return Object.entries(ACCESS_MATRIX).filter(([key, access]) => key.startsWith('GET /api/v1/') && access !== PUBLIC).map(([key]) => {
    const template = key.slice('GET '.length);
    const path = template
      .replace('/contacts/{id}', `/contacts/${ids.contact}`)
      .replace('/second-screens/{id}', `/second-screens/${ids.screen}`)
      .replace('/calibration/exercises/{id}', `/calibration/exercises/${ids.exercise}`)
      .replace('{sub}', BLIND);
    return `${path}${query[template] ?? ''}`;
  });
}

/** The second screener cannot see the first decision, by any route of the API or any page, until they have recorded their own. */
describe('a blind second screen', () => {
  let t: TestApp;
  let contact: Json;
  let screenId: string;
  let markers: string[];
  beforeAll(async () => {
    t = await createTestApp();
    setSettings(t, DRAW_EVERY_NO_ACTION);
    await team(t, [BLIND, FIRST], { name: 'Front door' });
    contact = await decidedContact(t, { recorder: 'recorder-z', decider: FIRST, outcome: 'information_advice', rationale: RATIONALE });
    screenId = (await draw(t)).selected[0].secondScreenId;
    markers = [contact.decision.id, FIRST, 'Quillwort', 'no_action_share', 'no action share', 'information_advice', 'information and advice'];
  });
  afterAll(async () => { await t.close(); });

  /** Team listings name their members, the one who decided among them; that says nothing of the decision. */
  const leaks = (text: string, where = '') => markers
    .filter((m) => !(m === FIRST && /\/teams\b/.test(where)))
    .filter((m) => text.toLowerCase().includes(m.toLowerCase()));

  it('no API route shows the second screener the first decision, nor why the contact was drawn', async () => {
    const paths = everyGet({ contact: contact.id, screen: screenId, exercise: 'cex_00000000000000000000000000' });
    expect(paths.length).toBeGreaterThan(20);
    const seen: Record<string, number> = {};
    for (const path of paths) {
      const res = await t.request('GET', path, { sub: BLIND });
      seen[path] = res.status;
      expect(leaks(await res.text(), path), `GET ${path} (${res.status})`).toEqual([]);
    }
    // The routes that matter answered, blind, rather than merely refusing.
    expect(seen[`/api/v1/contacts/${contact.id}`]).toBe(200);
    expect(seen[`/api/v1/second-screens/${screenId}`]).toBe(200);
    expect(seen['/api/v1/second-screens?status=all']).toBe(200);
    expect(seen['/api/v1/referrer-feedback?status=all']).toBe(200);
    expect(seen[`/api/v1/contacts/${contact.id}/trail`]).toBe(403);
    const read = await body(await t.request('GET', `/api/v1/contacts/${contact.id}`, { sub: BLIND }));
    expect(read).toMatchObject({ decision: null, decisions: [], reviews: [], finalOutcome: null, triage: { prompts: expect.any(Array) } });
    const queue = await body(await t.request('GET', '/api/v1/second-screens', { sub: BLIND }));
    expect(queue.items).toEqual([expect.objectContaining({ id: screenId, contactId: contact.id, status: 'awaiting_screen' })]);
    expect(Object.keys(queue.items[0]).sort()).toEqual(['contactId', 'id', 'priority', 'receivedAt', 'selectedAt', 'status']);
  });

  it('nor does any page', async () => {
    const session = await webSession(t, 'screener', BLIND);
    const pages = ['/contacts', `/contacts/${contact.id}`, `/contacts/${contact.id}/trail`, '/second-screens', `/second-screens/${screenId}`,
      '/calibration', '/my-practice', `/screeners/${BLIND}`, '/rules', '/reviews', '/teams', '/screening-outcomes?from=2026-11-01&to=2026-11-30'];
    const statuses: Record<string, number> = {};
    for (const page of pages) {
      const { status, html } = await webGet(t, session, page);
      statuses[page] = status;
      expect(leaks(html.replace(/<option value="information_advice"[^>]*>Information and advice<\/option>/g, ''), page), `${page} (${status})`).toEqual([]);
    }
    expect(Object.entries(statuses).filter(([, s]) => s !== 200)).toEqual([
      // The teams page is for forming teams, which only a manager may do, so a screener is refused it before it is drawn.
      [`/contacts/${contact.id}/trail`, 403], ['/my-practice', 303], ['/reviews', 403], ['/teams', 403], ['/screening-outcomes?from=2026-11-01&to=2026-11-30', 403],
    ]);
    const screenPage = await webGet(t, session, `/second-screens/${screenId}`);
    expect(screenPage.status).toBe(200);
    expect(screenPage.html).toContain('Record your screen');
    expect(screenPage.html).toContain('For information: the child grazed a knee');
  });

  it('the reads were blind in the trail, and the one who decided still sees their decision', async () => {
    const reads = (await auditOf(t, contact.id)).filter((a) => a.actor_sub === BLIND);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((a) => (a.action === 'contact.read' || a.action === 'second_screen.read') && (a.detail as Json).blind === true)).toBe(true);
    const own = await body(await t.request('GET', `/api/v1/contacts/${contact.id}`, { sub: FIRST }));
    expect(own.decision).toMatchObject({ id: contact.decision.id, rationale: RATIONALE });
    const manager = await body(await t.request('GET', `/api/v1/contacts/${contact.id}`, { role: 'manager' }));
    expect(manager.decision.id).toBe(contact.decision.id);
  });

  it('blind reads leave the screener free to take it; once recorded, the first decision is shown to them', async () => {
    const res = await t.request('POST', `/api/v1/second-screens/${screenId}/screen`, { sub: BLIND, body: SECOND_SCREEN });
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({ first: { outcome: 'information_advice', decidedBy: FIRST }, agrees: false });
    const after = await body(await t.request('GET', `/api/v1/contacts/${contact.id}`, { sub: BLIND }));
    expect(after.decision.id).toBe(contact.decision.id);
  });
});
