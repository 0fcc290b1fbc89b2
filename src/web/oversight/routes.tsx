import { Hono } from 'hono';
import type { Deps } from '../../domain/context.js';
import { summariseOversight } from '../../domain/oversight/summarise-oversight.js';
import { zodFieldErrors } from '../../http/problem.js';
import { OversightQuery } from '../../schemas/oversight.schema.js';
import { fieldErrorsInWords } from '../messages.js';
import { PERIOD } from '../period-questions.js';
import { sessionOf, webVerbContext, type WebEnv } from '../session.js';
import { OversightPage } from './oversight-page.js';
import { partnerNamesOf } from '../code-words.js';

/** A manager's figures for a period. */
export function oversightRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  app.get('/oversight', async (c) => {
    const query = { from: c.req.query('from'), to: c.req.query('to') };
    if (!query.from && !query.to) return c.html(<OversightPage session={sessionOf(c)} query={{}} summary={null} errors={{}} />);
    const parsed = OversightQuery.safeParse(query);
    if (!parsed.success) return c.html(<OversightPage session={sessionOf(c)} query={query} summary={null} errors={fieldErrorsInWords(zodFieldErrors(parsed.error), PERIOD, 'from')} />, 400);
    const summary = await summariseOversight({ ctx: webVerbContext(c, deps), query: parsed.data });
    return c.html(<OversightPage session={sessionOf(c)} query={parsed.data} summary={summary} errors={{}} partnerNames={partnerNamesOf(deps.checks.partners)} />);
  });
  return app;
}
