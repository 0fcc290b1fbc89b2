import { Hono } from 'hono';
import type { Deps } from '../../domain/context.js';
import { zodFieldErrors } from '../../http/problem.js';
import type { FieldErrors } from '../components.js';
import { value, type FormValues } from '../form-values.js';
import { fieldErrors, readForm as form, subs } from '../second-opinion-form.js';
import { sessionOf as session, webVerbContext, type WebContext, type WebEnv } from '../session.js';
import { listTeamsOf } from '../../db/repositories/teams.repo.js';
import { NotFound } from '../../domain/errors.js';
import { changeTeam } from '../../domain/teams/change-team.js';
import { createTeam } from '../../domain/teams/create-team.js';
import { TeamInputSchema } from '../../schemas/team.schema.js';
import { TeamsPage } from './teams-page.js';

/** A manager's teams of screeners. */
export function teamRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  const ctx = (c: WebContext) => webVerbContext(c, deps);
  const teamsPage = async (c: WebContext, f: FormValues = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const s = session(c);
    const teams = await listTeamsOf(deps.db, s.la, s.sub, 'manager');
    const editing = c.req.param('id') ? teams.find((t) => t.id === c.req.param('id')) : null;
    if (c.req.param('id') && !editing) throw new NotFound(`Team ${c.req.param('id')}`);
    const shown = Object.keys(f).length > 0 || !editing ? f : { name: editing.name, screeners: editing.screeners.join('\n'), managers: editing.managers.filter((m) => m !== s.sub).join('\n') };
    return c.html(<TeamsPage session={s} teams={teams} form={shown} errors={errors} editing={editing ?? null} />, status);
  };
  const teamInput = (f: FormValues) => TeamInputSchema.safeParse({ name: value(f, 'name'), screeners: subs(value(f, 'screeners')), managers: subs(value(f, 'managers')) });
  app.get('/teams', (c) => teamsPage(c));
  app.post('/teams', async (c) => {
    const f = await form(c);
    const parsed = teamInput(f);
    if (!parsed.success) return teamsPage(c, f, fieldErrors(zodFieldErrors(parsed.error)), 400);
    await createTeam({ ctx: ctx(c), input: parsed.data });
    return c.redirect('/teams', 303);
  });
  app.get('/teams/:id', (c) => teamsPage(c));
  app.post('/teams/:id', async (c) => {
    const f = await form(c);
    const parsed = teamInput(f);
    if (!parsed.success) return teamsPage(c, f, fieldErrors(zodFieldErrors(parsed.error)), 400);
    // The manager changing the team stays one of its managers.
    const input = { ...parsed.data, managers: [...new Set([session(c).sub, ...parsed.data.managers])] };
    await changeTeam({ ctx: ctx(c), teamId: c.req.param('id'), input, version: Number(value(f, 'version')) || undefined });
    return c.redirect('/teams', 303);
  });
  return app;
}
