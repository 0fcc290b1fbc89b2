import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { TokenVerifier } from './auth/tokens.js';
import type { Config } from './config.js';
import type { Deps } from './domain/context.js';
import type { AppEnv } from './http/env.js';
import { enforceAccessMatrix } from './http/middleware/access.js';
import { requireToken } from './http/middleware/auth.js';
import { idempotency, type IdempotencySettings } from './http/middleware/idempotency.js';
import { rateLimit, type RateLimitSettings } from './http/middleware/rate-limit.js';
import { storableText } from './http/middleware/storable-text.js';
import { sharedRateLimiter } from './http/rate-store.js';
import { requestContext } from './http/middleware/request-context.js';
import { problem, translateError } from './http/problem.js';
import { auditLogRoutes } from './http/routes/audit-log.routes.js';
import { auditVerifyRoutes } from './http/routes/audit-verify.routes.js';
import { auditRoutes } from './http/routes/audit.routes.js';
import { contactRoutes } from './http/routes/contacts.routes.js';
import { decisionRoutes } from './http/routes/decisions.routes.js';
import { docsRoutes } from './http/routes/docs.routes.js';
import { healthRoutes } from './http/routes/health.routes.js';
import { multiAgencyRoutes } from './http/routes/multi-agency.routes.js';
import { oversightRoutes } from './http/routes/oversight.routes.js';
import { replayRoutes } from './http/routes/replay.routes.js';
import { secondOpinionRoutes } from './http/routes/second-opinions.routes.js';
import { referrerFeedbackRoutes } from './http/routes/referrer-feedback.routes.js';
import { ruleRoutes } from './http/routes/rules.routes.js';
import { trailRoutes } from './http/routes/trail.routes.js';
import { sessionRoutes } from './http/routes/sessions.routes.js';
import { sharingRoutes } from './http/routes/sharing.routes.js';
import { familyRoutes } from './http/routes/family.routes.js';
import { subjectAccessRoutes } from './http/routes/subject-access.routes.js';
import { validationHook } from './http/validation.js';
import { webRoutes, type WebOptions } from './web/routes.js';

export interface AppOptions {
  tokens: TokenVerifier;
  bodyLimitBytes: number;
  /** The browser pages; left out, the service is the API alone. */
  web?: WebOptions;
  idempotency?: IdempotencySettings;
  rateLimit?: RateLimitSettings;
}

const DEFAULT_IDEMPOTENCY: IdempotencySettings = { ttlMs: 24 * 3_600_000, inFlightTimeoutMs: 30_000 };
const DEFAULT_RATE_LIMIT: RateLimitSettings = { perMinute: 600 };

const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'mash-triage',
    version: '1.0.0',
    description: 'Decision support for the front door of children’s social care: contacts are triaged against declarative rules, and every decision keeps its rationale.',
  },
};

/** The app's reliability settings, from the parsed config. */
export function appSettings(config: Config): Pick<AppOptions, 'idempotency' | 'rateLimit'> {
  return {
    rateLimit: { perMinute: config.rateLimitPerMinute },
    idempotency: { ttlMs: config.idempotencyTtlHours * 3_600_000, inFlightTimeoutMs: config.idempotencyInFlightTimeoutMs },
  };
}

/** The whole HTTP application, built from its dependencies: the same function serves production and tests. */
export function buildApp(deps: Deps, options: AppOptions) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requestContext(deps.logger));
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin', referrerPolicy: 'no-referrer' }));
  app.use('*', bodyLimit({
    maxSize: options.bodyLimitBytes,
    // Cast: bodyLimit types its Context without this app's variables; problem() reads only requestId and copes without it.
    onError: (c) => problem(c as never, 413, 'too-large', 'Request body too large', `The body may be at most ${options.bodyLimitBytes} bytes`),
  }));
  app.use('/api/v1/*', requireToken(options.tokens));
  const perMinute = (options.rateLimit ?? DEFAULT_RATE_LIMIT).perMinute;
  app.use('/api/v1/*', rateLimit(sharedRateLimiter(deps, { keyPrefix: 'api-user', points: perMinute, durationSeconds: 60 })));
  app.use('/api/v1/*', enforceAccessMatrix());
  app.use('/api/v1/*', storableText());
  app.use('/api/v1/*', idempotency(deps, options.idempotency ?? DEFAULT_IDEMPOTENCY));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.route('/', healthRoutes(deps));
  app.route('/api/v1', multiAgencyRoutes(deps));
  app.route('/api/v1', contactRoutes(deps));
  app.route('/api/v1', ruleRoutes(deps));
  app.route('/api/v1', decisionRoutes(deps));
  app.route('/api/v1', trailRoutes(deps));
  app.route('/api/v1', auditVerifyRoutes(deps));
  app.route('/api/v1', auditLogRoutes(deps));
  app.route('/api/v1', sessionRoutes(deps));
  app.route('/api/v1', replayRoutes(deps));
  app.route('/api/v1', auditRoutes(deps));
  app.route('/api/v1', oversightRoutes(deps));
  app.route('/api/v1', referrerFeedbackRoutes(deps));
  app.route('/api/v1', secondOpinionRoutes(deps));
  app.route('/api/v1', sharingRoutes(deps));
  app.route('/api/v1', familyRoutes(deps));
  app.route('/api/v1', subjectAccessRoutes(deps));
  app.doc31('/openapi.json', OPENAPI_INFO);
  // Cast: the docs page reads a narrow view of the OpenAPI 3.1 document (paths → operations), not its full type.
  app.route('/', docsRoutes(() => app.getOpenAPI31Document(OPENAPI_INFO) as never));
  if (options.web) app.route('/', webRoutes(deps, options.web));

  app.notFound((c) => problem(c, 404, 'not-found', 'Not found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((error, c) => translateError(error, c));
  return app;
}

export type App = ReturnType<typeof buildApp>;
