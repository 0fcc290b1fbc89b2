import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { changeTeam } from '../../domain/teams/change-team.js';
import { createTeam } from '../../domain/teams/create-team.js';
import { listTeams } from '../../domain/teams/list-teams.js';
import { COMMON_ERRORS, CONFLICT, INVALID, NOT_FOUND, PRECONDITIONS } from '../../schemas/problem.schema.js';
import { TeamIdParam, TeamInputSchema, TeamListSchema, TeamSchema } from '../../schemas/team.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const teamResponse = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: 'string' as const }, description: 'Send as If-Match to change the team' } },
  content: { 'application/json': { schema: TeamSchema } },
});
const etag = (team: { id: string; version: number }) => `"${team.id}-${team.version}"`;

const create = createRoute({
  method: 'post',
  path: '/teams',
  tags: ['Teams'],
  summary: 'Form a team of screeners (manager); the caller manages it',
  description: 'A team is who a calibration exercise is set for, and the comparison a screener sees beside their own figures. A screener is in one team of an authority at most (409 naming them otherwise); team names are unique in an authority.',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: TeamInputSchema } } } },
  responses: { 201: teamResponse('The team'), ...INVALID, ...CONFLICT, ...COMMON_ERRORS },
});

const list = createRoute({
  method: 'get',
  path: '/teams',
  tags: ['Teams'],
  summary: 'The caller’s teams: a screener’s own team, or the teams a manager manages (screener, manager)',
  security: [{ bearer: [] }],
  responses: { 200: { description: 'The teams', content: { 'application/json': { schema: TeamListSchema } } }, ...COMMON_ERRORS },
});

const change = createRoute({
  method: 'put',
  path: '/teams/{id}',
  tags: ['Teams'],
  summary: 'Rename a team or change its members (a manager of the team); If-Match optional',
  description: 'The members given replace the team’s. With If-Match, a team changed since it was read is refused (412).',
  security: [{ bearer: [] }],
  request: { params: TeamIdParam, body: { required: true, content: { 'application/json': { schema: TeamInputSchema } } } },
  responses: { 200: teamResponse('The team as it now is'), ...INVALID, ...NOT_FOUND, ...CONFLICT, ...PRECONDITIONS, ...COMMON_ERRORS },
});

export function teamRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(create, async (c) => {
    const team = await createTeam({ ctx: verbContext(c, deps), input: c.req.valid('json') });
    c.header('ETag', etag(team));
    return c.json(team, 201);
  });

  app.openapi(list, async (c) => c.json(await listTeams({ ctx: verbContext(c, deps) }), 200));

  app.openapi(change, async (c) => {
    const { id } = c.req.valid('param');
    const ifMatch = c.req.header('if-match')?.trim().replace(/^W\//, '');
    const match = ifMatch ? /^"?tem_[0-9a-z]{26}-(\d+)"?$/.exec(ifMatch) : null;
    // An If-Match that names no version of a team can match none.
    const version = ifMatch === undefined ? undefined : match ? Number(match[1]) : -1;
    const team = await changeTeam({ ctx: verbContext(c, deps), teamId: id, input: c.req.valid('json'), version });
    c.header('ETag', etag(team));
    return c.json(team, 200);
  });

  return app;
}
