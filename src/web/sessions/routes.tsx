import { Hono } from 'hono';
import type { Deps } from '../../domain/context.js';
import { endSessions, listSessions, requireSessionAdmin } from '../../domain/sessions/end-sessions.js';
import { UserSessionParams, UserSessionsParams } from '../../schemas/session.schema.js';
import { sessionOf, webVerbContext, type WebContext, type WebEnv } from '../session.js';
import { SessionsPage } from './sessions-page.js';

/** An administrator's page for ending the sessions of a user of their authority; the same verbs as the API's. */
export function sessionAdminRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  const ctx = (c: WebContext) => webVerbContext(c, deps);

  app.get('/sessions', async (c) => {
    const raw = c.req.query('sub') ?? '';
    const endedText = c.req.query('ended');
    const ended = endedText && /^\d+$/.test(endedText) ? Number(endedText) : undefined;
    if (!raw.trim()) {
      requireSessionAdmin(ctx(c));
      return c.html(<SessionsPage session={sessionOf(c)} sub="" sessions={[]} ended={ended} />);
    }
    const parsed = UserSessionsParams.safeParse({ sub: raw });
    if (!parsed.success) return c.html(<SessionsPage session={sessionOf(c)} sub={raw} sessions={[]} error="Enter a user id of up to 200 characters" />, 400);
    const sessions = await listSessions({ ctx: ctx(c), sub: parsed.data.sub });
    return c.html(<SessionsPage session={sessionOf(c)} sub={parsed.data.sub} sessions={sessions} ended={ended} />);
  });

  app.post('/sessions/end', async (c) => {
    const form = await c.req.parseBody();
    const id = typeof form.id === 'string' && form.id ? form.id : undefined;
    const parsed = id === undefined ? UserSessionsParams.safeParse({ sub: form.sub }) : UserSessionParams.safeParse({ sub: form.sub, id });
    if (!parsed.success) return c.html(<SessionsPage session={sessionOf(c)} sub="" sessions={[]} error="Enter a user id of up to 200 characters" />, 400);
    const { ended } = await endSessions({ ctx: ctx(c), sub: parsed.data.sub, ...(id === undefined ? {} : { id }) });
    return c.redirect(`/sessions?${new URLSearchParams({ sub: parsed.data.sub, ended: String(ended) })}`, 303);
  });
  return app;
}
