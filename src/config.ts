import { z } from 'zod';
import { ROLES, type Role } from './schemas/codes.js';

/** The only reader of process.env: every setting is parsed here once, and a bad one stops start-up by name. */
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: optionalText,
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(16),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  MASH_DATA_DIR: z.string().default('./.data'),
  MASH_RULES_DIR: z.string().default('./rules'),
  MASH_JWT_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, 'must be at least 32 characters').optional()),
  MASH_JWKS_URL: optionalUrl,
  MASH_JWT_ISSUER: z.string().default('mash-triage'),
  MASH_JWT_AUDIENCE: z.string().default('mash-triage'),
  MASH_CASE_SYSTEM_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  MASH_CASE_SYSTEM_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  MASH_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  MASH_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  MASH_SESSION_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, 'must be at least 32 characters').optional()),
  MASH_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  MASH_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  MASH_DEMO_SIGN_IN: z.enum(['on', 'off']).default('off'),
  MASH_OIDC_ISSUER: optionalUrl,
  MASH_OIDC_CLIENT_ID: optionalText,
  MASH_OIDC_CLIENT_SECRET: optionalText,
  MASH_OIDC_REDIRECT_URL: optionalUrl,
  MASH_OIDC_PROVIDER_NAME: z.string().min(1).default('your council account'),
  MASH_OIDC_SCOPES: z.string().regex(/(^|\s)openid(\s|$)/, 'must include openid').default('openid'),
  MASH_OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
  MASH_OIDC_ROLE_MAP: z.string().default('screener=screener,manager=manager,auditor=auditor,admin=admin'),
  MASH_OIDC_AUTHORITY_CLAIM: z.string().min(1).default('la'),
  MASH_IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(24).max(24 * 30).default(24),
  MASH_IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  MASH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  MASH_PARTNERS_FILE: optionalText,
  MASH_PARTNER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  MASH_CHECK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  MASH_CHECK_RETRY_BASE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  MASH_CHECK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  MASH_CHECK_CHASE_INTERVAL_MS: z.coerce.number().int().min(60_000).max(7 * 86_400_000).default(4 * 3_600_000),
  MASH_AUDIT_SIGNING_KEY: optionalText,
  MASH_AUDIT_ORIGIN: z.string().regex(/^[^\s+]+$/, 'must have no spaces or plus signs').default('mash-triage/audit'),
  MASH_AUDIT_SEQUENCE_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).default(200),
  MASH_AUDIT_STRANDED_AFTER_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).superRefine((e, ctx) => {
  // The demo sign-in gives anyone any role in any authority: never beside a real database or identity provider.
  if (e.MASH_DEMO_SIGN_IN === 'on') {
    for (const production of ['DATABASE_URL', 'MASH_JWKS_URL', 'MASH_OIDC_ISSUER'] as const) {
      if (e[production]) ctx.addIssue({ code: 'custom', path: ['MASH_DEMO_SIGN_IN'], message: `the demo sign-in cannot be on with ${production} set` });
    }
  }
  const oidc = ['MASH_OIDC_ISSUER', 'MASH_OIDC_CLIENT_ID', 'MASH_OIDC_CLIENT_SECRET', 'MASH_OIDC_REDIRECT_URL'] as const;
  if (oidc.some((name) => e[name])) {
    for (const name of oidc) if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: `is required with ${oidc.filter((n) => e[n]).join(', ')}: sign-in through the identity provider needs all four` });
  }
  // Tokens and codes cross this link: plain http only to a provider on this machine (a test or a developer's).
  for (const name of ['MASH_OIDC_ISSUER', 'MASH_OIDC_REDIRECT_URL'] as const) {
    const url = e[name] ? new URL(e[name]) : undefined;
    if (url && url.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) ctx.addIssue({ code: 'custom', path: [name], message: 'must be https' });
  }
  const roleMap = parseRoleMap(e.MASH_OIDC_ROLE_MAP);
  if (typeof roleMap === 'string') ctx.addIssue({ code: 'custom', path: ['MASH_OIDC_ROLE_MAP'], message: roleMap });
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  /** Limits set on every PostgreSQL connection, so a frozen or slow client cannot hold locks for hours. */
  dbTimeouts: DatabaseTimeouts;
  dataDir: string;
  rulesDir: string;
  jwtSecret: string | undefined;
  jwksUrl: string | undefined;
  jwtIssuer: string;
  jwtAudience: string;
  caseSystemUrl: string | undefined;
  /** A Redis every instance shares for rate limits; without it they are kept in the database. */
  redisUrl: string | undefined;
  caseSystemTimeoutMs: number;
  bodyLimitBytes: number;
  shutdownGraceMs: number;
  sessionSecret: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** MASH_DEMO_SIGN_IN=on: the role/authority form, for trying the service on the embedded database only. */
  demoSignIn: boolean;
  /** Sign-in through the council's identity provider; undefined when MASH_OIDC_ISSUER is not set. */
  oidc: OidcConfig | undefined;
  idempotencyTtlHours: number;
  idempotencyInFlightTimeoutMs: number;
  rateLimitPerMinute: number;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  /** Partner agencies and transfer timescales; defaults to settings/partners.json in the rules folder. */
  partnersFile: string | undefined;
  checks: CheckDispatchConfig;
  audit: AuditLogConfig;
};

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  /** Shown on the button: "Sign in with <providerName>". */
  providerName: string;
  scopes: string;
  mapping: ClaimMapping;
}

/** Which claims give a person their role and authority: values of roleClaim are looked up in roles. */
export interface ClaimMapping {
  roleClaim: string;
  /** Provider value → role, e.g. { 'MASH-Screeners': 'screener' }. */
  roles: Readonly<Record<string, Role>>;
  authorityClaim: string;
}

/** "group=role,group=role" → a map, or what is wrong with it. */
export function parseRoleMap(text: string): Record<string, Role> | string {
  const map: Record<string, Role> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const value = pair.slice(0, at).trim();
    const role = ROLES.find((r) => r === pair.slice(at + 1).trim());
    if (at < 1 || !value || !role) return `"${pair}" is not provider-value=role with a role of ${ROLES.join(', ')}`;
    map[value] = role;
  }
  return Object.keys(map).length ? map : 'must map at least one value to a role';
}

export interface DatabaseTimeouts {
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
}

export interface AuditLogConfig {
  /** Ed25519 private key, PKCS#8 PEM text or the path of a PEM file; else generated into the data folder. */
  signingKey: string | undefined;
  /** Checkpoint origins are `<origin>/<authority>`; the signing key's name is the origin. */
  origin: string;
  /** How often the sequencer integrates new entries and signs a checkpoint; 0 turns it off (tests drive it by hand). */
  sequenceIntervalMs: number;
  /** An entry unplaced for longer than this is reported by verification as never integrated. */
  strandedAfterSeconds: number;
}

export interface CheckDispatchConfig {
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  /** 0 turns the background dispatcher off (tests drive it by hand). */
  intervalMs: number;
  chaseIntervalMs: number;
}

export class ConfigError extends Error {}

function roleMapOf(text: string): Record<string, Role> {
  const map = parseRoleMap(text);
  if (typeof map === 'string') throw new ConfigError(`MASH_OIDC_ROLE_MAP: ${map}`); // already refused by the schema
  return map;
}

/**
 * What only a serving instance needs, checked by `src/main.ts` rather than here, so that the scripts run beside
 * a deployment (`migrate`, `audit:verify`, `token`) need only the settings they use.
 */
export function assertServable(config: Config): void {
  // Each instance would otherwise generate its own key, and a session would not survive the load balancer.
  if (config.databaseUrl && !config.sessionSecret) {
    throw new ConfigError('Invalid configuration:\n  MASH_SESSION_SECRET: is required with DATABASE_URL: every instance must sign sessions with the same key');
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    dbTimeouts: { statementMs: e.DB_STATEMENT_TIMEOUT_MS, lockMs: e.DB_LOCK_TIMEOUT_MS, idleInTransactionMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS },
    dataDir: e.MASH_DATA_DIR,
    rulesDir: e.MASH_RULES_DIR,
    jwtSecret: e.MASH_JWT_SECRET,
    jwksUrl: e.MASH_JWKS_URL,
    jwtIssuer: e.MASH_JWT_ISSUER,
    jwtAudience: e.MASH_JWT_AUDIENCE,
    caseSystemUrl: e.MASH_CASE_SYSTEM_URL,
    redisUrl: e.REDIS_URL,
    caseSystemTimeoutMs: e.MASH_CASE_SYSTEM_TIMEOUT_MS,
    bodyLimitBytes: e.MASH_BODY_LIMIT_BYTES,
    shutdownGraceMs: e.MASH_SHUTDOWN_GRACE_MS,
    sessionSecret: e.MASH_SESSION_SECRET,
    sessionIdleMinutes: e.MASH_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.MASH_SESSION_MAX_HOURS,
    demoSignIn: e.MASH_DEMO_SIGN_IN === 'on',
    oidc: e.MASH_OIDC_ISSUER && e.MASH_OIDC_CLIENT_ID && e.MASH_OIDC_CLIENT_SECRET && e.MASH_OIDC_REDIRECT_URL ? {
      issuer: e.MASH_OIDC_ISSUER,
      clientId: e.MASH_OIDC_CLIENT_ID,
      clientSecret: e.MASH_OIDC_CLIENT_SECRET,
      redirectUrl: e.MASH_OIDC_REDIRECT_URL,
      providerName: e.MASH_OIDC_PROVIDER_NAME,
      scopes: e.MASH_OIDC_SCOPES,
      mapping: { roleClaim: e.MASH_OIDC_ROLE_CLAIM, roles: roleMapOf(e.MASH_OIDC_ROLE_MAP), authorityClaim: e.MASH_OIDC_AUTHORITY_CLAIM },
    } : undefined,
    idempotencyTtlHours: e.MASH_IDEMPOTENCY_TTL_HOURS,
    idempotencyInFlightTimeoutMs: e.MASH_IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS,
    rateLimitPerMinute: e.MASH_RATE_LIMIT_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    partnersFile: e.MASH_PARTNERS_FILE,
    checks: {
      timeoutMs: e.MASH_PARTNER_TIMEOUT_MS,
      maxAttempts: e.MASH_CHECK_MAX_ATTEMPTS,
      retryBaseMs: e.MASH_CHECK_RETRY_BASE_MS,
      intervalMs: e.MASH_CHECK_DISPATCH_INTERVAL_MS,
      chaseIntervalMs: e.MASH_CHECK_CHASE_INTERVAL_MS,
    },
    audit: {
      signingKey: e.MASH_AUDIT_SIGNING_KEY,
      origin: e.MASH_AUDIT_ORIGIN,
      sequenceIntervalMs: e.MASH_AUDIT_SEQUENCE_INTERVAL_MS,
      strandedAfterSeconds: e.MASH_AUDIT_STRANDED_AFTER_SECONDS,
    },
  };
}
