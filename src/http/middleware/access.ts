import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { Forbidden } from '../../domain/errors.js';
import { accessTo, PUBLIC, routeKey } from '../access-matrix.js';
import type { AppEnv } from '../env.js';

/** Applies the access matrix to the route that will answer, before its body is validated. */
export function enforceAccessMatrix(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const route = matchedRoutes(c).findLast((r) => r.method !== 'ALL');
    if (!route) return next(); // no such route: the 404 answers
    const access = accessTo(c.req.method, route.path);
    const role = c.get('actor').role;
    if (access === undefined) throw new Forbidden(`${routeKey(c.req.method, route.path)} is not yet open to any role`);
    if (access !== PUBLIC && !access.includes(role)) throw new Forbidden(`A ${role} may not use ${routeKey(c.req.method, route.path)}`);
    return next();
  };
}
