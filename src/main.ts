import { serve } from '@hono/node-server';
import { appSettings, buildApp } from './app.js';
import { createOidcClient } from './auth/oidc-client.js';
import { createTokenVerifier, readOrCreateSecret } from './auth/tokens.js';
import { assertServable, ConfigError, loadConfig } from './config.js';
import { closeRedis } from './clients/redis.client.js';
import { buildDeps } from './deps.js';
import { openBackgroundDatabase } from './db/client.js';
import { INTEGRATE_PARALLEL } from './domain/audit/integrate-log.js';
import { startAuditSequencer } from './domain/audit/sequencer-timer.js';
import { startCheckDispatcher } from './domain/checks/check-dispatcher-timer.js';

/** Process entry: config → deps → app → serve, and a bounded graceful shutdown on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  assertServable(config);
  const { deps, database } = await buildDeps(config);
  const app = buildApp(deps, {
    tokens: createTokenVerifier(config),
    bodyLimitBytes: config.bodyLimitBytes,
    ...appSettings(config),
    web: {
      sessionSecret: config.sessionSecret ?? readOrCreateSecret(config.dataDir, 'session-secret'),
      idleMinutes: config.sessionIdleMinutes,
      maxHours: config.sessionMaxHours,
      localSignIn: config.demoSignIn,
      oidc: config.oidc ? { client: createOidcClient(config.oidc), mapping: config.oidc.mapping } : undefined,
    },
  });
  const stopCheckDispatcher = startCheckDispatcher(deps, config.checks.intervalMs);
  const background = await openBackgroundDatabase(database, { url: config.databaseUrl, poolSize: INTEGRATE_PARALLEL, timeouts: config.dbTimeouts });
  const stopAuditSequencer = startAuditSequencer({ ...deps, db: background.db }, config.audit.sequenceIntervalMs);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    deps.logger.info({ port: info.port, database: database.kind, ruleSet: deps.ruleSet.hash }, 'mash-triage listening');
    process.stdout.write(`\nmash-triage is running at http://${['0.0.0.0', '127.0.0.1'].includes(config.host) ? 'localhost' : config.host}:${info.port}  (API docs: /docs; database: ${database.kind})\n`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    // The process ends at the grace period whatever the database does: closing a pool whose connection is
    // frozen (a partition) waits for ever, so the close is raced, never awaited alone.
    const force = setTimeout(() => {
      deps.logger.warn('still stopping after the grace period; exiting without waiting for the database');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    server.close(() => {
      void stopCheckDispatcher().then(() => stopAuditSequencer()).then(() => background.close()).then(() => database.close()).then(() => (deps.redis ? closeRedis(deps.redis) : undefined)).then(() => process.exit(0), () => process.exit(1));
    });
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`mash-triage could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
