import type { MiddlewareHandler } from 'hono';
import { isStorableText } from '../lib/storable.js';
import { Layout } from './layout.js';
import type { WebEnv } from './session.js';

/**
 * The forms' side of the API's storable-text check: a field holding NUL or an
 * unpaired surrogate is refused with its name before any verb runs, rather
 * than failing at the insert with a 500.
 */
export function storableForm(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST' || c.req.path.startsWith('/api/')) return next();
    const form = await c.req.parseBody({ all: true });
    const refused = Object.entries(form).filter(([name, v]) =>
      !isStorableText(name) || (Array.isArray(v) ? v : [v]).some((item) => typeof item === 'string' && !isStorableText(item)));
    if (refused.length === 0) return next();
    return c.html(
      <Layout title="Error: a field cannot be saved" session={c.get('session')}>
        <h1 class="govuk-heading-l">A field cannot be saved</h1>
        <p class="govuk-body">These fields hold a character that cannot be stored (a NUL or a broken character, often from pasting): remove it and send the form again. Nothing was saved.</p>
        <ul class="govuk-list govuk-list--bullet">{refused.map(([name]) => <li>{isStorableText(name) ? name : 'a field with an unreadable name'}</li>)}</ul>
      </Layout>,
      400,
    );
  };
}
