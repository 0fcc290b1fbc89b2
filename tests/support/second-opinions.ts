import type { AuthoritySettings, SettingsBook } from '../../src/rules/settings.js';
import { quietContact } from '../fixtures/contacts.js';
import { body, decide, recordContact, type Json } from './decisions.js';
import type { TestApp } from './test-app.js';

/** Changes one authority setting in the running app, as an authority's settings file would. */
export function setSettings(t: TestApp, change: Partial<AuthoritySettings>): void {
  const book = t.deps.settings;
  const replaced: SettingsBook = {
    national: book.national,
    forAuthority(la) {
      const resolved = book.forAuthority(la);
      return { ...resolved, hash: `${resolved.hash}+test`, values: { ...resolved.values, ...change } };
    },
  };
  t.deps.settings = replaced;
}

/** Every no-action decision drawn, nothing else: a draw that is certain, for tests of what follows it. */
export const DRAW_EVERY_NO_ACTION: Partial<AuthoritySettings> = {
  secondScreening: { seed: 'test-seed', noActionShare: 1, otherShare: 0, infantRepeat: null },
};

let people = 0;

/** A quiet contact recorded by one screener and decided by another (NFA by default), standing without review. */
export async function decidedContact(t: TestApp, options: { recorder?: string; decider?: string; outcome?: string; rationale?: string } = {}): Promise<Json> {
  people += 1;
  const contact = await recordContact(t, quietContact({ children: [{ ...quietContact().children[0]!, personId: `P-SS-${people}` }] }), options.recorder ?? 'recorder-1');
  const res = await decide(t, contact, { outcome: options.outcome ?? 'nfa', ...(options.rationale ? { rationale: options.rationale } : {}) }, {}, options.decider ?? 'decider-1');
  if (res.status !== 201) throw new Error(`decision failed: ${res.status} ${await res.text()}`);
  const decision = await body(res);
  if (decision.contactStatus !== 'decided') throw new Error(`expected the decision to stand, got ${decision.contactStatus}`);
  return { ...contact, decision };
}

export async function draw(t: TestApp, sub = 'manager-1'): Promise<Json> {
  const res = await t.request('POST', '/api/v1/second-screens/draws', { role: 'manager', sub });
  if (res.status !== 201) throw new Error(`draw failed: ${res.status} ${await res.text()}`);
  return res.json();
}

export const SECOND_SCREEN = {
  outcome: 'assessment_s17', route: 's17_assessment', urgency: 'three_working_days',
  rationale: 'A graze seen by staff, but the third contact this term: worth an assessment of what lies behind them.',
};

/** Signs in to the browser pages as the demo sign-in does, returning the session cookie and its CSRF token. */
export async function webSession(t: TestApp, role: string, sub: string, la = 'E06000056'): Promise<{ cookie: string; csrf: string }> {
  const res = await t.app.request('/sign-in', {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ role, sub, la }).toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const page = await (await t.app.request(res.headers.get('location')!, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return { cookie, csrf };
}

export async function webGet(t: TestApp, session: { cookie: string }, path: string): Promise<{ status: number; html: string }> {
  const res = await t.app.request(path, { headers: { cookie: session.cookie } });
  return { status: res.status, html: await res.text() };
}
