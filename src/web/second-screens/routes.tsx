import { Hono } from 'hono';
import type { Deps } from '../../domain/context.js';
import { zodFieldErrors } from '../../http/problem.js';
import type { FieldErrors } from '../components.js';
import { value, type FormValues } from '../form-values.js';
import { fieldErrors, optional, readForm as form } from '../second-opinion-form.js';
import { sessionOf as session, webVerbContext, type WebContext, type WebEnv, pathParam } from '../session.js';
import { drawSecondScreens } from '../../domain/second-screens/draw-second-screens.js';
import { listSecondScreens } from '../../domain/second-screens/list-second-screens.js';
import { readSecondScreen } from '../../domain/second-screens/read-second-screen.js';
import { recordSecondScreen } from '../../domain/second-screens/record-second-screen.js';
import { settleSecondScreen } from '../../domain/second-screens/settle-second-screen.js';
import { SecondScreenInputSchema, SettlementInputSchema } from '../../schemas/second-screen.schema.js';
import { SecondScreenPage } from './second-screen-page.js';
import { SecondScreensPage } from './second-screens-page.js';

/** Blind second screens: drawing them, a second screener's judgement, and a manager's settlement. */
export function secondScreenRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  const ctx = (c: WebContext) => webVerbContext(c, deps);
  app.get('/second-screens', async (c) => {
    const role = session(c).role;
    const status = c.req.query('status') ?? (role === 'manager' ? 'awaiting_settlement' : 'awaiting_screen');
    const drawn = /^(\d+)-(\d+)$/.exec(c.req.query('drawn') ?? '');
    const { items } = await listSecondScreens({ ctx: ctx(c), status, limit: 200 });
    return c.html(<SecondScreensPage session={session(c)} items={items} status={status} drawn={drawn ? { considered: Number(drawn[1]), selected: Number(drawn[2]) } : null} />);
  });
  app.post('/second-screens/draws', async (c) => {
    const draw = await drawSecondScreens({ ctx: ctx(c) });
    return c.redirect(`/second-screens?status=awaiting_screen&drawn=${draw.considered}-${draw.selected.length}`, 303);
  });
  const screenPage = async (c: WebContext, f: FormValues = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) =>
    c.html(<SecondScreenPage session={session(c)} read={await readSecondScreen({ ctx: ctx(c), id: pathParam(c, 'id') })} form={f} errors={errors} />, status);
  app.get('/second-screens/:id', (c) => screenPage(c));
  app.post('/second-screens/:id', async (c) => {
    const f = await form(c);
    const parsed = SecondScreenInputSchema.safeParse({ outcome: optional(f, 'outcome'), route: optional(f, 'route'), urgency: optional(f, 'urgency'), rationale: value(f, 'rationale') });
    if (!parsed.success) return screenPage(c, f, fieldErrors(zodFieldErrors(parsed.error)), 400);
    await recordSecondScreen({ ctx: ctx(c), id: c.req.param('id'), input: parsed.data });
    return c.redirect(`/second-screens/${c.req.param('id')}`, 303);
  });
  app.post('/second-screens/:id/settlement', async (c) => {
    const f = await form(c);
    const parsed = SettlementInputSchema.safeParse({ standing: optional(f, 'standing'), rationale: value(f, 'rationale'), ...(optional(f, 'outcome') ? { outcome: value(f, 'outcome') } : {}) });
    if (!parsed.success) return screenPage(c, f, fieldErrors(zodFieldErrors(parsed.error)), 400);
    await settleSecondScreen({ ctx: ctx(c), id: c.req.param('id'), input: parsed.data });
    return c.redirect(`/second-screens/${c.req.param('id')}`, 303);
  });
  return app;
}
