import { z } from '@hono/zod-openapi';
import { Sub } from './team.schema.js';

export const UserSessionsParams = z.object({ sub: Sub.openapi({ param: { name: 'sub', in: 'path' } }) });
export const UserSessionParams = UserSessionsParams.extend({
  id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a session id from the list').openapi({ param: { name: 'id', in: 'path' }, example: 'mQ1c2yF7Hq0kZt3Yb8XwLA' }),
});

export const SessionSchema = z.object({
  id: z.string().openapi({ description: 'The session’s id for ending it: not the cookie, and not usable as one' }),
  sub: z.string(),
  role: z.string(),
  startedAt: z.string().openapi({ format: 'date-time' }),
  lastSeenAt: z.string().openapi({ format: 'date-time', description: 'Written at most every 30 seconds' }),
}).openapi('WebSession');

export const SessionListSchema = z.object({ sessions: z.array(SessionSchema) }).openapi('WebSessionList');
export const EndedSessionsSchema = z.object({ ended: z.number().int().openapi({ description: 'How many sessions were ended' }) }).openapi('EndedSessions');
