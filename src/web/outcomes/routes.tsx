import { Hono } from 'hono';
import type { Deps } from '../../domain/context.js';
import { zodFieldErrors } from '../../http/problem.js';
import { fieldErrors } from '../second-opinion-form.js';
import { sessionOf as session, webVerbContext, type WebContext, type WebEnv } from '../session.js';
import { ValidationFailed } from '../../domain/errors.js';
import { summariseScreeningOutcomes } from '../../domain/outcomes/summarise-screening-outcomes.js';
import { reflectOnScreening } from '../../domain/reflection/reflect-on-screening.js';
import { OversightQuery } from '../../schemas/oversight.schema.js';
import { ReflectionQuerySchema } from '../../schemas/reflection.schema.js';
import { ReflectionPage } from './reflection-page.js';
import { ScreeningOutcomesPage } from './screening-outcomes-page.js';

/** What became of screened contacts, for a manager, and a screener's own page. */
export function outcomeRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  const ctx = (c: WebContext) => webVerbContext(c, deps);
  app.get('/screening-outcomes', async (c) => {
    const query = { from: c.req.query('from'), to: c.req.query('to') };
    if (!query.from && !query.to) return c.html(<ScreeningOutcomesPage session={session(c)} query={{}} summary={null} errors={{}} />);
    const parsed = OversightQuery.safeParse(query);
    if (!parsed.success) return c.html(<ScreeningOutcomesPage session={session(c)} query={query} summary={null} errors={fieldErrors(zodFieldErrors(parsed.error))} />, 400);
    return c.html(<ScreeningOutcomesPage session={session(c)} query={parsed.data} summary={await summariseScreeningOutcomes({ ctx: ctx(c), query: parsed.data })} errors={{}} />);
  });
  app.get('/my-practice', (c) => c.redirect(`/screeners/${encodeURIComponent(session(c).sub)}`, 303));
  app.get('/screeners/:sub', async (c) => {
    const parsed = ReflectionQuerySchema.safeParse({ from: c.req.query('from'), to: c.req.query('to') });
    if (!parsed.success) throw new ValidationFailed('The period is not valid', zodFieldErrors(parsed.error));
    return c.html(<ReflectionPage session={session(c)} page={await reflectOnScreening({ ctx: ctx(c), sub: c.req.param('sub'), query: parsed.data })} />);
  });
  return app;
}
