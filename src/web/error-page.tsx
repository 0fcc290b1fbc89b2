import type { ErrorHandler } from 'hono';
import { DomainError } from '../domain/errors.js';
import { isDatabaseUnavailable, loggableError } from '../http/problem.js';
import { Layout } from './layout.js';
import type { WebEnv } from './session.js';
import { unavailablePage } from './unavailable-page.js';

/** A refusal or a missing page as a page in words; anything else logged and answered without detail. */
export const errorPage: ErrorHandler<WebEnv> = (error, c) => {
  if (error instanceof DomainError && error.status < 500) {
    const title = error.status === 404 ? 'Page not found' : error.status === 403 ? 'You cannot do this' : error.title;
    return c.html(<Layout title={title} session={c.get('session')}><h1 class="govuk-heading-l">{title}</h1><p class="govuk-body">{error.message}</p></Layout>, error.status as 400);
  }
  if (isDatabaseUnavailable(error)) return unavailablePage(c);
  c.get('logger')?.error({ fault: loggableError(error) }, 'page failed');
  return c.html(<Layout title="Sorry, there is a problem with the service" session={c.get('session')}>
    <h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>
    <p class="govuk-body">Nothing was saved. Try again later. Reference: {c.get('requestId')}</p></Layout>, 500);
};
