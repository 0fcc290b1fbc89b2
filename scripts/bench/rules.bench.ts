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

const CHUNK = 50;

/**
 * One pass over the contacts for each path, alternating every CHUNK
 * contacts, so that a busy moment on a shared machine falls on both alike.
 * A pass's rate is its contacts over the time spent in its own calls.
 */
async function alternatingPass(facts: Facts[], paths: ((f: Facts) => Promise<unknown>)[]): Promise<{ rate: number; calls: number[] }[]> {
  const spent = paths.map(() => ({ ms: 0, calls: [] as number[] }));
  for (let from = 0; from < facts.length; from += CHUNK) {
    const chunk = facts.slice(from, from + CHUNK);
    // Which path goes first alternates too.
    const order = (from / CHUNK) % 2 === 0 ? [...paths.keys()] : [...paths.keys()].reverse();
    for (const i of order) {
      const run = paths[i]!;
      for (const f of chunk) {
        const t = performance.now();
        await run(f);
        const took = performance.now() - t;
        spent[i]!.ms += took;
        spent[i]!.calls.push(took);
      }
    }
  }
  return spent.map((s) => ({ rate: facts.length / (s.ms / 1000), calls: s.calls }));
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

  const paths = [(f: Facts) => evaluator.evaluate(f), (f: Facts) => raw.run({ ...f })];
  await alternatingPass(facts.slice(0, 200), paths);
  const rates = [[] as number[], [] as number[]];
  const calls = [[] as number[], [] as number[]];
  for (let r = 0; r < options.repeats; r += 1) {
    for (const [i, pass] of (await alternatingPass(facts, paths)).entries()) {
      rates[i]!.push(pass.rate);
      calls[i]!.push(...pass.calls);
    }
  }
  const figures = (i: number): PassFigures => ({ perSecond: median(rates[i]!), p50Ms: median(calls[i]!), p99Ms: percentile(calls[i]!, 99) });
  return { contacts: options.contacts, project: figures(0), raw: figures(1) };
}
