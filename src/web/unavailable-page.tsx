import type { Context } from 'hono';
import { Layout } from './layout.js';
import type { WebEnv } from './session.js';

/** The database is away or held up: say so with a 503 the browser may retry, not a 500. */
export function unavailablePage(c: Context<WebEnv>) {
  c.get('logger')?.warn('database unavailable');
  c.header('Retry-After', '5');
  return c.html(
    <Layout title="Sorry, the service is unavailable" session={c.get('session')}>
      <h1 class="govuk-heading-l">Sorry, the service is unavailable</h1>
      <p class="govuk-body">The database cannot be reached just now. Nothing was saved. Try again in a few seconds. Reference: {c.get('requestId')}</p>
    </Layout>,
    503,
  );
}
