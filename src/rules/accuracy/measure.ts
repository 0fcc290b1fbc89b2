import { PROMPT_ACTIONS, type PromptAction, type Route, type Urgency } from '../../schemas/codes.js';
import { URGENCY_PRIORITY, type Evaluator, type Triage } from '../evaluate.js';
import { deriveFacts, type HistoryEvidence } from '../facts.js';
import { ROUTE_RANK, urgencyRank } from '../response/decide-response.js';
import type { AuthoritySettings } from '../settings.js';
import type { CorpusCase } from './corpus.js';

/** What the pack showed for one case, beside what was expected. */
export interface CaseResult {
  id: string;
  part: CorpusCase['part'];
  expected: CorpusCase['expected'];
  shown: { route: Route | null; urgency: Urgency | null; priority: string; prompts: PromptAction[]; fired: string[] };
}

export interface Rate { hits: number; of: number; rate: number | null }
export interface ActionFigures { action: PromptAction; tp: number; fn: number; tn: number; fp: number; sensitivity: Rate; specificity: Rate; agreement: Rate }
export interface RuleFigures { id: string; fired: number; judged: number; wanted: number; precision: Rate }

export interface Figures {
  cases: number;
  actions: ActionFigures[];
  route: { exact: Rate; withinOne: Rate };
  urgency: { exact: Rate; withinOne: Rate };
  colour: Rate;
  floors: Rate;
  noStatutoryAction: { cases: number; green: Rate; guards: { action: PromptAction; shown: Rate }[] };
  rules: RuleFigures[];
}

export const GUARD_ACTIONS: PromptAction[] = ['household_checks', 'speak_to_referrer', 'manager_signoff_before_nfa', 'request_evidence'];

/** The contact as if it were the family's first here: history comes only from what the case itself records. */
const NO_OUTSIDE_HISTORY = (children: number): HistoryEvidence => ({ priorContacts: Array(children).fill(0), caseSystem: [], complete: true });

export async function runCorpus(evaluator: Evaluator, settings: AuthoritySettings, cases: readonly CorpusCase[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const { facts } = deriveFacts(c.body, NO_OUTSIDE_HISTORY(c.body.children.length), settings);
    // biome-ignore lint/performance/noAwaitInLoops: the corpus is scored case by case, in order, on one engine
    results.push({ id: c.id, part: c.part, expected: c.expected, shown: shownBy(await evaluator.evaluate(facts)) });
  }
  return results;
}

function shownBy(triage: Triage): CaseResult['shown'] {
  return {
    route: triage.route,
    urgency: triage.urgency,
    priority: triage.priority,
    prompts: triage.prompts.map((p) => p.action),
    fired: triage.rules.filter((r) => r.fired).map((r) => r.id),
  };
}

const rate = (hits: number, of: number): Rate => ({ hits, of, rate: of === 0 ? null : hits / of });
const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;

export function measure(results: readonly CaseResult[], ruleIds: readonly string[], rulePrompts: ReadonlyMap<string, readonly PromptAction[]>): Figures {
  const actions = PROMPT_ACTIONS.map((action): ActionFigures => {
    const positives = results.filter((r) => r.expected.mustPrompt.includes(action));
    const negatives = results.filter((r) => r.expected.mustNotPrompt.includes(action));
    const tp = count(positives, (r) => r.shown.prompts.includes(action));
    const tn = count(negatives, (r) => !r.shown.prompts.includes(action));
    return {
      action, tp, fn: positives.length - tp, tn, fp: negatives.length - tn,
      sensitivity: rate(tp, positives.length), specificity: rate(tn, negatives.length), agreement: rate(tp + tn, positives.length + negatives.length),
    };
  }).filter((a) => a.tp + a.fn + a.tn + a.fp > 0);

  const routed = results.filter((r) => r.shown.route !== null);
  const urged = results.filter((r) => r.shown.urgency !== null);
  const floors = results.filter((r) => r.expected.floor);
  const advice = results.filter((r) => r.expected.route === 'advice_signpost');

  const rules = ruleIds.map((id): RuleFigures => {
    const firings = results.filter((r) => r.shown.fired.includes(id));
    const actionsOf = rulePrompts.get(id) ?? [];
    const judged = firings.filter((r) => actionsOf.some((a) => r.expected.mustPrompt.includes(a) || r.expected.mustNotPrompt.includes(a)));
    const wanted = count(judged, (r) => actionsOf.some((a) => r.expected.mustPrompt.includes(a)));
    return { id, fired: firings.length, judged: judged.length, wanted, precision: rate(wanted, judged.length) };
  });

  return {
    cases: results.length,
    actions,
    route: {
      exact: rate(count(routed, (r) => r.shown.route === r.expected.route), routed.length),
      withinOne: rate(count(routed, (r) => r.shown.route !== null && Math.abs(ROUTE_RANK[r.shown.route] - ROUTE_RANK[r.expected.route]) <= 1), routed.length),
    },
    urgency: {
      exact: rate(count(urged, (r) => r.shown.urgency === r.expected.urgency), urged.length),
      withinOne: rate(count(urged, (r) => r.shown.urgency !== null && Math.abs(urgencyRank(r.shown.urgency) - urgencyRank(r.expected.urgency)) <= 1), urged.length),
    },
    colour: rate(count(results, (r) => r.shown.priority === URGENCY_PRIORITY[r.expected.urgency]), results.length),
    floors: rate(count(floors, floorHeld), floors.length),
    noStatutoryAction: {
      cases: advice.length,
      green: rate(count(advice, (r) => r.shown.priority === 'green'), advice.length),
      guards: GUARD_ACTIONS.map((action) => ({ action, shown: rate(count(advice, (r) => r.shown.prompts.includes(action)), advice.length) })),
    },
    rules,
  };
}

/** A floor case holds when every prompt it must have is shown and neither route nor urgency falls below what is expected. */
export function floorHeld(r: CaseResult): boolean {
  const prompts = r.expected.mustPrompt.every((a) => r.shown.prompts.includes(a));
  const route = r.shown.route === null || ROUTE_RANK[r.shown.route] >= ROUTE_RANK[r.expected.route];
  const urgency = r.shown.urgency === null || urgencyRank(r.shown.urgency) <= urgencyRank(r.expected.urgency);
  return prompts && route && urgency;
}

/** Every way the pack departs from a case's labels, in words. */
export function disagreements(r: CaseResult): string[] {
  const out: string[] = [];
  const missing = r.expected.mustPrompt.filter((a) => !r.shown.prompts.includes(a));
  const unwanted = r.expected.mustNotPrompt.filter((a) => r.shown.prompts.includes(a));
  if (missing.length) out.push(`missing prompt ${missing.join(', ')}`);
  if (unwanted.length) out.push(`unwanted prompt ${unwanted.join(', ')}`);
  if (r.shown.route !== null && r.shown.route !== r.expected.route) out.push(`route ${r.shown.route}, expected ${r.expected.route}`);
  if (r.shown.urgency !== null && r.shown.urgency !== r.expected.urgency) out.push(`urgency ${r.shown.urgency}, expected ${r.expected.urgency}`);
  if (r.shown.urgency === null && r.shown.priority !== URGENCY_PRIORITY[r.expected.urgency]) {
    out.push(`priority ${r.shown.priority}, expected ${URGENCY_PRIORITY[r.expected.urgency]} (${r.expected.urgency})`);
  }
  return out;
}
