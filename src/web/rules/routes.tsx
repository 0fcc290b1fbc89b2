import { Hono } from 'hono';
import type { Deps } from '../../domain/context.js';
import { describeRules } from '../../domain/rules/describe-rules.js';
import { sessionOf, webVerbContext, type WebEnv } from '../session.js';
import { RulesPage } from './rules-page.js';

/** The rule set in force, in words. */
export function ruleRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  app.get('/rules', (c) => c.html(<RulesPage session={sessionOf(c)} rules={describeRules({ ctx: webVerbContext(c, deps) })} />));
  return app;
}
