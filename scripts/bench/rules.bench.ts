import { Engine } from 'json-rules-engine';
import { evaluatorFor } from '../../src/rules/evaluate.js';
import { deriveFacts, type Facts } from '../../src/rules/facts.js';
import type { RuleSet } from '../../src/rules/rule-set.js';
import type { AuthoritySettings } from '../../src/rules/settings.js';
import { contactGenerator, seededRandom } from './contact-generator.js';
import { median, percentile } from './stats.js';

export interface RuleFigures {
  contacts: number;
  project: PassFigures;
  raw: PassFigures;
}
export interface PassFigures { perSecond: number; p50Ms: number; p99Ms: number }

/** Passes over the same contacts; each call is timed, and a pass's rate is contacts over its wall time. */
async function passes(facts: Facts[], repeats: number, run: (f: Facts) => Promise<unknown>): Promise<PassFigures> {
  for (const f of facts.slice(0, 200)) await run(f);
  const rates: number[] = [];
  const calls: number[] = [];
  for (let r = 0; r < repeats; r += 1) {
    const started = performance.now();
    for (const f of facts) {
      const t = performance.now();
      await run(f);
      calls.push(performance.now() - t);
    }
    rates.push(facts.length / ((performance.now() - started) / 1000));
  }
  return { perSecond: median(rates), p50Ms: median(calls), p99Ms: percentile(calls, 99) };
}

/**
 * The project's path (deriveFacts has already run; Evaluator.evaluate turns
 * the engine's results into the triage) against a bare json-rules-engine
 * Engine with default options, built from the same rule files' conditions
 * and run on the same facts.
 */
export async function benchRules(ruleSet: RuleSet, settings: AuthoritySettings, options: { contacts: number; repeats: number; seed: number }): Promise<RuleFigures> {
  const next = contactGenerator({ seed: options.seed, now: new Date() });
  const rnd = seededRandom(options.seed + 1);
  const facts = Array.from({ length: options.contacts }, () => {
    const contact = next();
    const history = { priorContacts: contact.children.map(() => Math.floor(rnd() * rnd() * 5)), caseSystem: [], complete: rnd() > 0.05 };
    return deriveFacts(contact, history, settings).facts;
  });

  const evaluator = evaluatorFor(ruleSet);
  const raw = new Engine();
  for (const rule of ruleSet.rules) raw.addRule({ name: rule.id, conditions: rule.conditions as never, event: { type: rule.id } });

  // Alternated, so that a busy moment on the machine does not favour either.
  const project: PassFigures[] = [];
  const bare: PassFigures[] = [];
  for (let r = 0; r < options.repeats; r += 1) {
    bare.push(await passes(facts, 1, (f) => raw.run({ ...f })));
    project.push(await passes(facts, 1, (f) => evaluator.evaluate(f)));
  }
  const merge = (list: PassFigures[]): PassFigures => ({
    perSecond: median(list.map((p) => p.perSecond)), p50Ms: median(list.map((p) => p.p50Ms)), p99Ms: median(list.map((p) => p.p99Ms)),
  });
  return { contacts: options.contacts, project: merge(project), raw: merge(bare) };
}
