import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { auditOf, recordContact } from '../../support/decisions.js';
import { createTestApp, legacyPack, responsePack, type TestApp } from '../../support/test-app.js';

const march = () => seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request;
const bruisedBaby = () => quietContact({
  children: [child({ dateOfBirth: '2026-08-01', mobility: 'not_independently_mobile', communicates: false, injuries: [{ type: 'bruise', sites: ['cheeks'] }] })],
  adults: [{ role: 'mother', livesWithChild: true, allegedPerpetrator: true, checksCompleted: true }],
});

/** With a response table, every triage suggests a route and an urgency, says how it got there, and the decision is due by the urgency's clock. */
describe('recording a contact: route and urgency', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ ruleSet: responsePack() }); });
  afterAll(async () => { await t.close(); });

  it('suggests a route and urgency with each step’s reason; priority and score follow the urgency', async () => {
    const contact = await recordContact(t, march());
    expect(contact.triage).toMatchObject({ route: 's47_strategy', urgency: 'same_day', priority: 'red', score: 75 });
    expect(contact.triage.response).toEqual([
      { step: 'route', id: 'significant-harm', reason: expect.stringContaining('strategy discussion') },
      { step: 'urgency', id: 'strategy-today', reason: 'A strategy discussion is held the same day when significant harm is suspected.' },
    ]);
    // Tuesday 14 March 2023, 09:20: the same day is the close of that working day (GMT).
    expect(contact.decisionDueBy).toBe('2023-03-14T17:00:00.000Z');

    const row = await t.deps.db.selectFrom('triages').selectAll().where('contact_id', '=', contact.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ route: 's47_strategy', urgency: 'same_day', response: contact.triage.response, priority: 'red', score: 75 });
    const triaged = (await auditOf(t, contact.id)).find((a) => a.action === 'contact.triaged')!;
    expect(triaged.detail).toMatchObject({ route: 's47_strategy', urgency: 'same_day', responseSteps: ['significant-harm', 'strategy-today'], priority: 'red' });
  });

  it('shows a modifier and a floor as steps with what they moved from and to', async () => {
    // An anonymous report about a baby: the sign-off guard is the test table's way to a closer look.
    const baby = await recordContact(t, quietContact({ referrer: { source: '9' }, children: [child({ dateOfBirth: '2026-06-01' })] }));
    expect(baby.triage).toMatchObject({ route: 's17_assessment', urgency: 'one_working_day', priority: 'amber', score: 50 });
    expect(baby.triage.response.map((s: { id: string }) => s.id)).toEqual(['needs-a-closer-look', 'child-in-need', 'baby-in-need']);
    expect(baby.triage.response[2]).toMatchObject({ step: 'modifier', from: 'three_working_days', to: 'one_working_day' });

    const bruised = await recordContact(t, bruisedBaby());
    expect(bruised.triage).toMatchObject({ route: 's47_strategy', urgency: 'within_hours', priority: 'red', score: 100 });
    expect(bruised.triage.response.find((s: { step: string }) => s.step === 'modifier')).toMatchObject({ id: 'injured-baby-with-perpetrator', from: 'same_day', to: 'within_hours' });
    // Within hours: four clock hours from receipt (Tuesday 24 November 2026, 10:00).
    expect(bruised.decisionDueBy).toBe('2026-11-24T14:00:00.000Z');

    const danger = await recordContact(t, quietContact({ immediateDanger: true }));
    expect(danger.triage).toMatchObject({ route: 'immediate_protection', urgency: 'within_hours' });
    expect(danger.triage.response.at(-1)).toEqual({
      step: 'floor', id: 'danger-floor', reason: expect.stringContaining('immediate danger'),
      from: 's47_strategy, same_day', to: 'immediate_protection, within_hours',
    });
  });

  it('each urgency sets its own due time; a child in immediate danger is due at once', async () => {
    const due = async (input: ReturnType<typeof quietContact>) => {
      const c = await recordContact(t, input);
      return [c.triage.urgency, c.decisionDueBy];
    };
    expect(await due(quietContact())).toEqual(['none', '2026-11-25T17:00:00.000Z']);
    expect(await due(quietContact({ referrer: { source: '9' } }))).toEqual(['three_working_days', '2026-11-27T17:00:00.000Z']);
    expect(await due(quietContact({ immediateDanger: true }))).toEqual(['within_hours', '2026-11-24T10:00:00.000Z']);
  });

  it('reads back the same route, urgency and steps', async () => {
    const contact = await recordContact(t, march());
    const read = await (await t.request('GET', `/api/v1/contacts/${contact.id}`, { role: 'manager' })).json();
    expect(read.triage).toEqual(contact.triage);
  });

  it('documents route, urgency and response in the OpenAPI document', async () => {
    const doc = await (await t.request('GET', '/openapi.json', { token: null })).json();
    const triage = doc.components.schemas.Triage;
    expect(Object.keys(triage.properties)).toEqual(expect.arrayContaining(['route', 'urgency', 'response', 'priority', 'score']));
    expect(triage.properties.score.description).toMatch(/0 to 100/);
    expect(doc.components.schemas.ResponseStep.required).toEqual(['step', 'id', 'reason']);
  });
});

describe('recording a contact with a rule set that has no response table', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ ruleSet: legacyPack() }); });
  afterAll(async () => { await t.close(); });

  it('suggests no route or urgency and keeps the priority’s timescale', async () => {
    const contact = await recordContact(t, march());
    // A pack without a table scores by its rules' summed weights, capped at 100.
    expect(contact.triage).toMatchObject({ route: null, urgency: null, response: [], priority: 'red', score: 100 });
    expect(contact.decisionDueBy).toBe('2023-03-14T17:00:00.000Z');
    const row = await t.deps.db.selectFrom('triages').select(['route', 'urgency', 'response']).where('contact_id', '=', contact.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ route: null, urgency: null, response: null });
    const triaged = (await auditOf(t, contact.id)).find((a) => a.action === 'contact.triaged')!;
    expect(triaged.detail).toMatchObject({ route: null, urgency: null, responseSteps: [] });
  });
});
