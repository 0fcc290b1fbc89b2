import { z } from '@hono/zod-openapi';

export const Sub = z.string().trim().min(1).max(200).openapi({ description: 'A user id as it appears in tokens (`sub`)', example: 'anna' });

const uniqueSubs = (field: 'screeners' | 'managers') => z.array(Sub).max(100).superRefine((subs, ctx) => {
  const seen = new Set<string>();
  subs.forEach((s, i) => {
    if (seen.has(s)) ctx.addIssue({ code: 'custom', path: [i], message: `${s} is listed twice in ${field}` });
    seen.add(s);
  });
});

export const TeamInputSchema = z.strictObject({
  name: z.string().trim().min(2).max(100).openapi({ example: 'Front door team A' }),
  screeners: uniqueSubs('screeners').openapi({ description: 'The screeners of the team; a screener is in one team of an authority at most' }),
  managers: uniqueSubs('managers').default([]).openapi({ description: 'The team’s managers; the manager who creates the team is always one' }),
}).superRefine((t, ctx) => {
  const managers = new Set(t.managers);
  t.screeners.forEach((s, i) => { if (managers.has(s)) ctx.addIssue({ code: 'custom', path: ['screeners', i], message: `${s} is also listed as a manager` }); });
}).openapi('TeamInput');
export type TeamInput = z.infer<typeof TeamInputSchema>;

export const TeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  screeners: z.array(z.string()),
  managers: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
}).openapi('Team');

export const TeamListSchema = z.object({ teams: z.array(TeamSchema) }).openapi('TeamList');

export const TeamIdParam = z.object({
  id: z.string().regex(/^tem_[0-9a-z]{26}$/, 'is not a team id').openapi({ param: { name: 'id', in: 'path' }, example: 'tem_01jd8x…' }),
});
