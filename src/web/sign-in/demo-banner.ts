import type { MiddlewareHandler } from 'hono';
import type { WebEnv } from '../session.js';

/** While the demo sign-in is on, every page says so at its top. */
export function demoBanner(demoSignIn: boolean): MiddlewareHandler<WebEnv> {
  const banner = '<div class="govuk-width-container"><div class="govuk-phase-banner" role="region" aria-label="Demo mode"><p class="govuk-phase-banner__content">'
    + '<strong class="govuk-tag govuk-phase-banner__content__tag">Demo</strong><span class="govuk-phase-banner__text">'
    + 'Demo sign-in is on: anyone can sign in as any role. Do not enter real information.</span></p></div></div>';
  return async (c, next) => {
    await next();
    if (!demoSignIn || !c.res.headers.get('content-type')?.startsWith('text/html')) return;
    const html = await c.res.text();
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(html.replace(/(<a href="#main-content"[^>]*>[^<]*<\/a>)/, `$1${banner}`), { status: c.res.status, headers });
  };
}
