import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScenarios } from '../fixtures/contacts.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The contacts of the case review, through the real API: what the triage must show. */
describe('seed scenarios from the Daniel and Sophie review', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  for (const scenario of seedScenarios()) {
    it(`${scenario.id} (${scenario.from})`, async () => {
      const res = await t.request('POST', '/api/v1/contacts', { body: scenario.request });
      expect(res.status).toBe(201);
      const body = await res.json();
      const actions = body.triage.prompts.map((p: { action: string }) => p.action);
      for (const action of scenario.expect.mustPrompt) expect(actions, `must prompt ${action}`).toContain(action);
      for (const action of scenario.expect.mustNotPrompt) expect(actions, `must not prompt ${action}`).not.toContain(action);
      expect(scenario.expect.priorityIn).toContain(body.triage.priority);
      for (const prompt of body.triage.prompts) {
        expect(prompt.detail.length, `${prompt.action} explains itself`).toBeGreaterThan(40);
        expect(prompt.raisedBy.length).toBeGreaterThan(0);
        expect(prompt.sources.length).toBeGreaterThan(0);
      }
    });
  }

  it('the March 2023 contact prompts a strategy discussion that names physical chastisement as an alleged assault', async () => {
    const march = seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!;
    const body = await (await t.request('POST', '/api/v1/contacts', { body: march.request })).json();
    const strategy = body.triage.prompts.find((p: { action: string }) => p.action === 'strategy_discussion');
    expect(strategy.indicator).toBe('critical');
    expect(strategy.raisedBy).toContain('minimising-language');
    expect(strategy.detail).toContain('physical chastisement');
    const speak = body.triage.prompts.find((p: { action: string }) => p.action === 'speak_to_child');
    expect(speak.detail).toContain('child 1 (3 years 1 month)');
    expect(speak.detail).not.toContain('child 2');
  });
});
