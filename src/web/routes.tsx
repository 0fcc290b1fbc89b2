import { Hono } from 'hono';
import type { OidcClient } from '../auth/oidc-client.js';
import type { ClaimMapping } from '../config.js';
import type { Deps } from '../domain/context.js';
import { auditRoutes } from './audit/routes.js';
import { calibrationRoutes } from './calibration/routes.js';
import { contactRoutes } from './contacts/routes.js';
import { decisionRoutes } from './decisions/routes.js';
import { errorPage } from './error-page.js';
import { familyPages } from './family/family-pages.js';
import { csrfCheck, pageHeaders, requirePageRole, requireSession, SIGNED_IN_PATHS } from './middleware.js';
import { outcomeRoutes } from './outcomes/routes.js';
import { oversightRoutes } from './oversight/routes.js';
import { reviewRoutes } from './reviews/routes.js';
import { ruleRoutes } from './rules/routes.js';
import { secondScreenRoutes } from './second-screens/routes.js';
import { sessionMiddleware, type WebEnv } from './session.js';
import { sessionAdminRoutes } from './sessions/routes.js';
import { demoBanner } from './sign-in/demo-banner.js';
import { oidcSignInRoutes } from './sign-in/oidc-routes.js';
import { signInRoutes } from './sign-in/routes.js';
import { staticRoutes } from './static.js';
import { subjectAccessPages } from './subject-access/subject-access-pages.js';
import { storableForm } from './storable-form.js';
import { teamRoutes } from './teams/routes.js';

export interface WebOptions {
  sessionSecret: string;
  idleMinutes: number;
  /** The demo sign-in (MASH_DEMO_SIGN_IN=on), announced on every page; never beside a real database or identity provider. */
  localSignIn: boolean;
  /** A session ends this many hours after sign-in however active it is. */
  maxHours?: number;
  /** Sign-in through the council's identity provider (MASH_OIDC_*), and how its claims give a role and authority. */
  oidc?: { client: OidcClient; mapping: ClaimMapping } | undefined;
}

/**
 * The browser pages: server-rendered GOV.UK Design System, working without
 * JavaScript, calling the same domain verbs as the API. One folder per area,
 * each with its routes and its pages.
 */
export function webRoutes(deps: Deps, options: WebOptions) {
  const app = new Hono<WebEnv>();
  const sessionOptions = {
    secret: options.sessionSecret, idleMinutes: options.idleMinutes, maxHours: options.maxHours ?? 12, now: () => deps.clock.now(), db: deps.db,
  };
  app.route('/', staticRoutes());
  app.use('*', pageHeaders);
  app.use('*', demoBanner(options.localSignIn));
  app.use('*', sessionMiddleware(sessionOptions));
  app.use('*', csrfCheck);
  app.use('*', storableForm());
  for (const path of SIGNED_IN_PATHS) app.use(path, requireSession);
  app.use('*', requirePageRole);

  app.route('/', signInRoutes(deps, { demoSignIn: options.localSignIn, session: sessionOptions, oidc: options.oidc?.client }));
  if (options.oidc) app.route('/', oidcSignInRoutes(deps, { ...options.oidc, session: sessionOptions }));
  app.route('/', contactRoutes(deps));
  app.route('/', decisionRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', oversightRoutes(deps));
  app.route('/', secondScreenRoutes(deps));
  app.route('/', calibrationRoutes(deps));
  app.route('/', teamRoutes(deps));
  app.route('/', outcomeRoutes(deps));
  app.route('/', familyPages(deps));
  app.route('/', subjectAccessPages(deps));
  app.route('/', ruleRoutes(deps));
  app.route('/', sessionAdminRoutes(deps));
  app.onError(errorPage);
  return app;
}
