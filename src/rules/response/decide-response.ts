import { URGENCIES, type Indicator, type PromptAction, type Route, type Urgency } from '../../schemas/codes.js';
import { ACTION_SUMMARIES } from '../actions.js';
import type { Prompt } from '../prompt.js';
import type { Facts } from '../facts.js';
import { renderRationale, type TemplateSyntax } from '../rationale.js';
import { holds } from './conditions.js';
import type { ResponseTable } from './response-file.js';
import { present } from '../../lib/one-of.js';

/** One step of the decision, in the order it was taken, with the reason the screener reads. */
export interface ResponseStep {
  step: 'route' | 'urgency' | 'modifier' | 'floor';
  id: string;
  reason: string;
  /** For a modifier or floor that moved a value: what it was and what it became. */
  from?: string;
  to?: string;
}

export interface ResponseDecision {
  route: Route;
  urgency: Urgency;
  steps: ResponseStep[];
  prompts: Prompt[];
}

/** Routes by how much they do: a floor or a comparison moves along this order. */
export const ROUTE_RANK: Record<Route, number> = {
  advice_signpost: 0, early_help: 1, s17_assessment: 2, s20_accommodation: 2, pre_birth_assessment: 2, s47_strategy: 3, immediate_protection: 4,
};

/** 0 is the most urgent. */
export const urgencyRank = (u: Urgency) => URGENCIES.indexOf(u);
const moveUrgency = (u: Urgency, move: 'raise' | 'lower', to: Urgency): Urgency =>
  move === 'raise' ? (urgencyRank(to) < urgencyRank(u) ? to : u) : (urgencyRank(to) > urgencyRank(u) ? to : u);

/**
 * Reads the response table over the facts and the prompts the rules raised:
 * floor prompts and implied prompts first, then the first route row that
 * holds, the first urgency row, each modifier in turn, and the floors last,
 * so that nothing can lower a floor case below it; last, the duties that
 * follow from the route the contact ends on.
 */
export function decideResponse(table: ResponseTable, facts: Facts, rulePrompts: readonly Prompt[], syntax: TemplateSyntax = 1): ResponseDecision {
  const render = (template: string) => renderRationale(template, facts, syntax);
  const prompts = rulePrompts.map((p) => ({ ...p, raisedBy: [...p.raisedBy], sources: [...p.sources] }));
  const floors = table.floors.filter((f) => holds(f.when, facts));
  for (const floor of floors) {
    for (const action of floor.prompts) ensurePrompt(prompts, action, 'critical', `response:${floor.id}`, render(floor.reason), table.sources);
  }
  for (const prompt of [...prompts]) {
    for (const action of table.implies[prompt.action] ?? []) {
      ensurePrompt(prompts, action, 'warning', `implied:${prompt.action}`, impliedReason(prompt.action, syntax), prompt.sources);
    }
  }

  const seen = {
    ...facts,
    prompts: prompts.map((p) => p.action),
    criticalPrompts: prompts.filter((p) => p.indicator === 'critical').map((p) => p.action),
  };
  const steps: ResponseStep[] = [];
  // The table's last route row has no condition (checked when the table is loaded).
  const routeRow = present(table.routes.find((r) => !r.when || holds(r.when, seen)), 'route row');
  let route = routeRow.route;
  steps.push({ step: 'route', id: routeRow.id, reason: render(routeRow.reason) });

  const withRoute = { ...seen, route };
  const urgencyRow = present(table.urgency.find((r) => !r.when || holds(r.when, withRoute)), 'urgency row');
  let urgency = urgencyRow.urgency;
  steps.push({ step: 'urgency', id: urgencyRow.id, reason: render(urgencyRow.reason) });

  for (const modifier of table.modifiers.filter((m) => holds(m.when, withRoute))) {
    const moved = moveUrgency(urgency, modifier.move, modifier.to);
    if (moved === urgency) continue;
    steps.push({ step: 'modifier', id: modifier.id, reason: render(modifier.reason), from: urgency, to: moved });
    urgency = moved;
  }

  for (const floor of floors) {
    const raisedRoute = ROUTE_RANK[floor.route] > ROUTE_RANK[route];
    const raisedUrgency = urgencyRank(floor.urgency) < urgencyRank(urgency);
    if (!raisedRoute && !raisedUrgency) continue;
    const from = `${route}, ${urgency}`;
    if (raisedRoute) route = floor.route;
    if (raisedUrgency) urgency = floor.urgency;
    steps.push({ step: 'floor', id: floor.id, reason: render(floor.reason), from, to: `${route}, ${urgency}` });
  }

  const final = { ...seen, route };
  for (const duty of table.duties.filter((d) => holds(d.when, final))) {
    for (const action of duty.prompts) ensurePrompt(prompts, action, 'warning', `duty:${duty.id}`, render(duty.reason), duty.sources);
  }
  return { route, urgency, steps, prompts };
}

/** Why an implied prompt is there. Packs before templates: 2 keep the words their triages were stored with. */
function impliedReason(action: PromptAction, syntax: TemplateSyntax): string {
  const summary = ACTION_SUMMARIES[action];
  if (syntax === 1) return `Part of the ${summary.toLowerCase()}.`;
  return `It goes with the prompt to ${summary.charAt(0).toLowerCase()}${summary.slice(1)}.`;
}

function ensurePrompt(prompts: Prompt[], action: PromptAction, indicator: Indicator, raisedBy: string, detail: string, sources: readonly string[]): void {
  if (prompts.some((p) => p.action === action)) return;
  prompts.push({ action, indicator, summary: ACTION_SUMMARIES[action], detail, raisedBy: [raisedBy], sources: [...sources] });
}
