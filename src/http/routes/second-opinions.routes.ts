import { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { calibrationRoutes } from './calibration.routes.js';
import { reflectionRoutes } from './reflection.routes.js';
import { screeningOutcomeRoutes } from './screening-outcomes.routes.js';
import { secondScreenRoutes } from './second-screens.routes.js';
import { teamRoutes } from './teams.routes.js';

/** Second opinions and calibration: teams, blind second screens, practice exercises, screening outcomes, a screener's own figures. */
export function secondOpinionRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.route('/', teamRoutes(deps));
  app.route('/', secondScreenRoutes(deps));
  app.route('/', calibrationRoutes(deps));
  app.route('/', screeningOutcomeRoutes(deps));
  app.route('/', reflectionRoutes(deps));
  return app;
}
