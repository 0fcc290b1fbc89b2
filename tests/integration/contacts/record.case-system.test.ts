import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContactInput } from '../../../src/schemas/contact.schema.js';
import { child, quietContact } from '../../fixtures/contacts.js';
import { json, START_UP_MS } from '../../support/partners.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const CASE_SYSTEM = 'https://case-system.test/api';

/**
 * History from the authority's case system: a family's first contact here
 * still has its earlier contacts and plans in view, and a case system that
 * fails or answers nonsense never stops the triage; it says so.
 */
describe('POST /api/v1/contacts with the case system configured', () => {
  const server = setupServer();
  let t: TestApp;
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    t = await createTestApp({ env: { MASH_CASE_SYSTEM_URL: CASE_SYSTEM, MASH_CASE_SYSTEM_TIMEOUT_MS: '500' } });
  }, START_UP_MS);
  afterEach(() => server.resetHandlers());
  afterAll(async () => { await t.close(); server.close(); });

  // A school reports a neglect concern about a six-year-old: on its own, early help.
  const neglect = (): ContactInput => quietContact({ concerns: ['16A'], children: [child({ personId: 'P-CASE-1', history: undefined })] });
  const answer = (body: unknown, status = 200) => server.use(http.get(`${CASE_SYSTEM}/children/history`, () => HttpResponse.json(body as never, { status })));
  const record = async (body: ContactInput) => {
    const res = await t.request('POST', '/api/v1/contacts', { body });
    expect(res.status).toBe(201);
    return json(res);
  };
  const actions = (contact: { triage: { prompts: { action: string }[] } }) => contact.triage.prompts.map((p) => p.action);

  it('earlier contacts held by the case system count on the family’s first contact here', async () => {
    answer({ contactsLast12Months: 3, cpPlanPrevious: true });
    const contact = await record(neglect());
    expect(contact.triage.historyComplete).toBe(true);
    expect(contact.triage.facts.priorContactsLast12Months).toBe(3);
    expect(contact.triage.rules.find((r: { id: string }) => r.id === 'repeat-contacts-escalation').fired).toBe(true);
    expect(actions(contact)).toContain('multi_agency_review');
    expect(actions(contact)).toContain('manager_signoff_before_nfa');
  });

  it('a child the case system does not know (404) is a first contact, and the history is complete', async () => {
    answer({ error: 'not found' }, 404);
    const contact = await record(neglect());
    expect(contact.triage.historyComplete).toBe(true);
    expect(contact.triage.facts.priorContactsLast12Months).toBe(0);
    expect(actions(contact)).not.toContain('check_history');
  });

  for (const [name, handler] of [
    ['answers 500', () => HttpResponse.json({}, { status: 500 })],
    ['answers a body of the wrong shape', () => HttpResponse.json({ contactsLast12Months: 'three' })],
    ['answers too late', async () => { await delay(2000); return HttpResponse.json({ contactsLast12Months: 5 }); }],
  ] as const) {
    it(`a case system that ${name} leaves the history incomplete, prompts a check by hand, and the contact is stored`, async () => {
      server.use(http.get(`${CASE_SYSTEM}/children/history`, handler));
      const contact = await record(neglect());
      expect(contact.triage.historyComplete).toBe(false);
      expect(contact.triage.facts.priorContactsLast12Months).toBe(0);
      expect(actions(contact)).toContain('check_history');
      const stored = await t.deps.db.selectFrom('contacts').select('id').where('id', '=', contact.id).executeTakeFirst();
      expect(stored?.id).toBe(contact.id);
    });
  }
});
