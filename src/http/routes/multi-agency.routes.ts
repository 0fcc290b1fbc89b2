import { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { checkRoutes } from './checks.routes.js';
import { transferRoutes } from './transfers.routes.js';

/** Work with other agencies (issue 8): checks with partners, and transfers between authorities. */
export function multiAgencyRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.route('/', checkRoutes(deps));
  app.route('/', transferRoutes(deps));
  return app;
}
