import type { Engine, RuleResult } from 'json-rules-engine';
import { PROMPT_ACTIONS, type Indicator, type Priority, type PromptAction, type Route, type Urgency } from '../schemas/codes.js';
import { ACTION_SUMMARIES } from './actions.js';
import { buildEngine, factsUsed, runtimeFacts } from './engine.js';
import type { FactName, Facts, FactValue } from './facts.js';
import { renderRationale, syntaxOf } from './rationale.js';
import type { Prompt } from './prompt.js';
import type { RuleDefinition } from './rule-file.js';
import { decideResponse, type ResponseStep } from './response/decide-response.js';
import type { RuleSet } from './rule-set.js';
import { present } from '../lib/one-of.js';

export interface ConditionResult {
  fact: string;
  operator: string;
  value: unknown;
  factValue: FactValue | null;
  result: boolean | null;
}

export interface RuleOutcome {
  id: string;
  fired: boolean;
  rationale: string;
  conditions: ConditionResult[];
}

export interface Triage {
  ruleSet: { name: string; version: string; hash: string };
  /** A view of the urgency (red: within hours or the same day; amber: one working day; green: later or none). */
  priority: Priority;
  /** The urgency on a 0–100 scale, kept for v1 clients; packs without a response table keep their summed weights. */
  score: number;
  /** Null for packs made before the response table. */
  route: Route | null;
  urgency: Urgency | null;
  /** How the route and urgency were reached, step by step, each with its reason. */
  response: ResponseStep[];
  prompts: Prompt[];
  rules: RuleOutcome[];
}

export type { Prompt } from './prompt.js';

export const URGENCY_PRIORITY: Record<Urgency, Priority> = {
  within_hours: 'red', same_day: 'red', one_working_day: 'amber', three_working_days: 'green', none: 'green',
};
export const URGENCY_SCORE: Record<Urgency, number> = {
  within_hours: 100, same_day: 75, one_working_day: 50, three_working_days: 25, none: 0,
};

const INDICATOR_RANK: Record<Indicator, number> = { critical: 0, warning: 1, info: 2 };

interface RawCondition {
  all?: RawCondition[]; any?: RawCondition[]; not?: RawCondition;
  fact?: string; operator?: string; value?: unknown; factResult?: unknown; valueResult?: unknown; result?: boolean;
}

function flatten(node: RawCondition, out: ConditionResult[] = []): ConditionResult[] {
  if (node.all) for (const c of node.all) flatten(c, out);
  else if (node.any) for (const c of node.any) flatten(c, out);
  else if (node.not) flatten(node.not, out);
  else {
    out.push({
      fact: present(node.fact, 'fact of a leaf condition'),
      operator: present(node.operator, 'operator of a leaf condition'),
      value: node.valueResult !== undefined ? node.valueResult : node.value,
      factValue: node.factResult === undefined ? null : (node.factResult as FactValue),
      result: node.result ?? null,
    });
  }
  return out;
}

function whyNot(rule: RuleDefinition, conditions: ConditionResult[]): string {
  const failed = conditions.filter((c) => c.result === false)
    .map((c) => `${c.fact} was ${JSON.stringify(c.factValue)} (rule needs ${c.operator} ${JSON.stringify(c.value)})`);
  return `Not raised: ${rule.summary}. ${failed.length ? `Did not apply because ${failed.join('; ')}.` : ''}`.trim();
}

/**
 * A rule set compiled for evaluation. The engine is built once; each call
 * runs the facts through it and turns the engine's results into the
 * triage: every rule's outcome with the fact values it saw, the prompts
 * merged per action, the score and the priority.
 */
export class Evaluator {
  /**
   * Engines not running now. json-rules-engine keeps a run's status on the engine: a run that finishes marks it
   * finished, and a run started on the same engine just before then skips its rules. Each evaluation has an engine
   * to itself, so concurrent requests (and the replay's concurrent evaluations) cannot cut each other short.
   */
  private readonly idle: Engine[];
  private readonly byId: Map<string, RuleDefinition>;
  private readonly factNames: FactName[];

  constructor(readonly ruleSet: RuleSet) {
    this.idle = [buildEngine(ruleSet)];
    this.factNames = factsUsed(ruleSet);
    this.byId = new Map(ruleSet.rules.map((r) => [r.id, r]));
  }

  async evaluate(facts: Facts): Promise<Triage> {
    return this.summarise(await this.outcomes(facts, 'every rule'), facts);
  }

  /**
   * What a screener would be shown (route, urgency, priority, prompts), for
   * the what-if replay, which compares only that: the rules that did not
   * fire are left out rather than explained one by one, which is most of an
   * evaluation's work. The same engine run and the same summary as
   * evaluate, so the two always agree.
   */
  async decide(facts: Facts): Promise<Omit<Triage, 'rules'>> {
    const { rules: _fired, ...decision } = this.summarise(await this.outcomes(facts, 'fired only'), facts);
    return decision;
  }

  /** The engine's results as outcomes in the rule set's order: every rule's, or only those that fired. */
  private async outcomes(facts: Facts, which: 'every rule' | 'fired only'): Promise<RuleOutcome[]> {
    const engine = this.idle.pop() ?? buildEngine(this.ruleSet);
    const { results, failureResults } = await engine.run(runtimeFacts(facts, this.factNames)).finally(() => { this.idle.push(engine); });
    const outcomes = new Map<string, RuleOutcome>();
    const lists: [RuleResult[], boolean][] = which === 'every rule' ? [[results, true], [failureResults, false]] : [[results, true]];
    for (const [list, fired] of lists) {
      for (const r of list) {
        const rule = present(this.byId.get(r.name as string), `rule ${String(r.name)}`);
        const conditions = flatten(r.conditions as unknown as RawCondition);
        outcomes.set(rule.id, {
          id: rule.id,
          fired,
          rationale: fired ? renderRationale(rule.rationale, facts, syntaxOf(this.ruleSet.manifest)) : whyNot(rule, conditions),
          conditions,
        });
      }
    }
    if (which === 'fired only') return this.ruleSet.rules.flatMap((r) => outcomes.get(r.id) ?? []);
    return this.ruleSet.rules.map((r) => present(outcomes.get(r.id), `outcome of ${r.id}`));
  }

  private summarise(rules: RuleOutcome[], facts: Facts): Triage {
    const fired = rules.filter((r) => r.fired).map((r) => ({ outcome: r, rule: present(this.byId.get(r.id), `rule ${r.id}`) }));
    const rulePrompts = mergePrompts(fired);
    const { name, version, hash, response: table } = this.ruleSet;
    const ruleSet = { name, version, hash };
    if (!table) {
      // Packs made before the response table: the priority is the highest indicator, as they were evaluated then.
      const score = Math.min(100, fired.reduce((sum, f) => sum + f.rule.weight, 0));
      const priority: Priority = facts.immediateDanger === true || rulePrompts.some((p) => p.indicator === 'critical')
        ? 'red'
        : rulePrompts.some((p) => p.indicator === 'warning') ? 'amber' : 'green';
      return { ruleSet, priority, score, route: null, urgency: null, response: [], prompts: rulePrompts, rules };
    }
    const decision = decideResponse(table, facts, rulePrompts, syntaxOf(this.ruleSet.manifest));
    return {
      ruleSet,
      priority: URGENCY_PRIORITY[decision.urgency],
      score: URGENCY_SCORE[decision.urgency],
      route: decision.route,
      urgency: decision.urgency,
      response: decision.steps,
      prompts: sortPrompts(decision.prompts),
      rules,
    };
  }
}

/** One prompt per action: raised by every rule that asks for it, at the highest indicator any of them gives. */
function mergePrompts(fired: { outcome: RuleOutcome; rule: RuleDefinition }[]): Prompt[] {
  const byAction = new Map<PromptAction, Prompt>();
  for (const { outcome, rule } of fired) {
    for (const { action, indicator } of rule.prompts) {
      const prompt = byAction.get(action) ?? {
        action, indicator, summary: ACTION_SUMMARIES[action], detail: '', raisedBy: [], sources: [],
      };
      if (INDICATOR_RANK[indicator] < INDICATOR_RANK[prompt.indicator]) prompt.indicator = indicator;
      prompt.raisedBy.push(rule.id);
      prompt.detail = prompt.detail ? `${prompt.detail} ${outcome.rationale}` : outcome.rationale;
      for (const source of rule.sources) if (!prompt.sources.includes(source)) prompt.sources.push(source);
      byAction.set(action, prompt);
    }
  }
  return sortPrompts([...byAction.values()]);
}

/** Critical first, then warnings, then information; within each, in the contract's order of actions. */
function sortPrompts(prompts: Prompt[]): Prompt[] {
  return prompts.sort((a, b) =>
    INDICATOR_RANK[a.indicator] - INDICATOR_RANK[b.indicator] || PROMPT_ACTIONS.indexOf(a.action) - PROMPT_ACTIONS.indexOf(b.action));
}

const evaluators = new Map<string, Evaluator>();

/** Evaluators are cached by rule-set hash: building the engine is start-up work, not request work. */
export function evaluatorFor(ruleSet: RuleSet): Evaluator {
  let evaluator = evaluators.get(ruleSet.hash);
  if (!evaluator) {
    evaluator = new Evaluator(ruleSet);
    evaluators.set(ruleSet.hash, evaluator);
  }
  return evaluator;
}
