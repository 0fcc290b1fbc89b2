import type { AuthoritySettings, SettingsBook } from '../../src/rules/settings.js';
import { quietContact } from '../fixtures/contacts.js';
import { body, decision, type Json } from './decisions.js';
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
export async function decidedContact(t: TestApp, options: { recorder?: string; decider?: string; outcome?: string; rationale?: string; la?: string } = {}): Promise<Json> {
  people += 1;
  const la = options.la ? { la: options.la } : {};
  const recorded = await t.request('POST', '/api/v1/contacts', {
    sub: options.recorder ?? 'recorder-1', ...la, body: quietContact({ children: [{ ...quietContact().children[0]!, personId: `P-SS-${people}` }] }),
  });
  if (recorded.status !== 201) throw new Error(`recording failed: ${recorded.status} ${await recorded.text()}`);
  const contact = await body(recorded);
  const res = await t.request('POST', `/api/v1/contacts/${contact.id}/decision`, {
    sub: options.decider ?? 'decider-1', ...la, body: decision(contact, { outcome: options.outcome ?? 'nfa', ...(options.rationale ? { rationale: options.rationale } : {}) }),
  });
  if (res.status !== 201) throw new Error(`decision failed: ${res.status} ${await res.text()}`);
  const decided = await body(res);
  if (decided.contactStatus !== 'decided') throw new Error(`expected the decision to stand, got ${decided.contactStatus}`);
  return { ...contact, decision: decided };
}

export async function draw(t: TestApp, sub = 'manager-1', la?: string): Promise<Json> {
  const res = await t.request('POST', '/api/v1/second-screens/draws', { role: 'manager', sub, ...(la ? { la } : {}) });
  if (res.status !== 201) throw new Error(`draw failed: ${res.status} ${await res.text()}`);
  return res.json();
}

export const SECOND_SCREEN = {
  outcome: 'assessment_s17', route: 's17_assessment', urgency: 'three_working_days',
  rationale: 'A graze seen by staff, but the third contact this term: worth an assessment of what lies behind them.',
};

/** Signs in to the browser pages as the demo sign-in does, returning the session cookie and its CSRF token. */
export async function webSession(t: TestApp, role: string, sub: string, la = 'E06000056'): Promise<{ cookie: string; csrf: string }> {
  const form = await t.app.request('/sign-in');
  const formCookie = form.headers.get('set-cookie')!.split(';')[0]!;
  const formCsrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const res = await t.app.request('/sign-in', {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie },
    body: new URLSearchParams({ role, sub, la, csrf: formCsrf }).toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-mash-session='))!.split(';')[0]!;
  const page = await (await t.app.request(res.headers.get('location')!, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return { cookie, csrf };
}

export async function webGet(t: TestApp, session: { cookie: string }, path: string): Promise<{ status: number; html: string }> {
  const res = await t.app.request(path, { headers: { cookie: session.cookie } });
  return { status: res.status, html: await res.text() };
}

/** A manager's team of the screeners given; returns its id. */
export async function team(t: TestApp, screeners: string[], options: { manager?: string; name?: string; la?: string } = {}): Promise<string> {
  const res = await t.request('POST', '/api/v1/teams', {
    role: 'manager', sub: options.manager ?? 'manager-1', ...(options.la ? { la: options.la } : {}),
    body: { name: options.name ?? `Team ${screeners.join(' ')}`, screeners },
  });
  if (res.status !== 201) throw new Error(`team failed: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

/** Corpus cases added to the bank through the API, as `npm run calibration:import -- --url` does; returns their practice ids in order. */
export async function importCases(t: TestApp, ids: readonly string[], options: { la?: string; role?: 'admin' | 'manager' } = {}): Promise<string[]> {
  const { loadCorpus } = await import('../../src/rules/accuracy/corpus.js');
  const { practiceFromCorpusCase } = await import('../../src/domain/calibration/corpus-case.js');
  const corpus = loadCorpus(new URL('../corpus', import.meta.url).pathname);
  const out: string[] = [];
  for (const id of ids) {
    const c = corpus.find((x) => x.id === id);
    if (!c) throw new Error(`no corpus case ${id}`);
    const res = await t.request('POST', '/api/v1/practice-contacts', { role: options.role ?? 'admin', ...(options.la ? { la: options.la } : {}), body: practiceFromCorpusCase(c) });
    if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
    out.push((await res.json()).id);
  }
  return out;
}

/** Six corpus cases of different kinds: injury, neglect, a police notification, exploitation, FGM, an everyday query. */
export const SIX_CASES = [
  'phys-02-femur-fracture-nine-month-old-cot-explanation',
  'need-09-grandmother-worried-toddler-losing-weight-since-new-partner',
  'need-18-police-non-crime-argument-children-not-present',
  'risk-04-partner-old-shoplifting-and-drink-driving-convictions-housing-query',
  'xfh-06-practice-nurse-sees-fgm-in-nine-year-old',
  'xfh-15-unaccompanied-boy-at-police-station-owes-agent-money',
];
