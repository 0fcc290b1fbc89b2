import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { noteSigner, parseVerifierKey } from './audit/checkpoint.js';
import { resolveSigningKey } from './audit/signing-key.js';
import { createCaseSystemClient } from './clients/case-system.client.js';
import { createPartnerClient } from './clients/partner.client.js';
import { openRedis } from './clients/redis.client.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { migrateAtStart } from './db/migrate.js';
import { saveRuleSet } from './db/repositories/rule-sets.repo.js';
import type { Deps } from './domain/context.js';
import { systemClock, type Clock } from './lib/clock.js';
import { randomIds } from './lib/ids.js';
import { evaluatorFor } from './rules/evaluate.js';
import { loadPartnerSettings } from './rules/partner-settings.js';
import { loadRuleSet, storedContent, type RuleSet } from './rules/rule-set.js';
import { loadSettings } from './rules/settings.js';

/** Fields that must never reach a log line, wherever they appear. */
export const LOG_REDACTIONS = [
  'req.headers.authorization', '*.authorization', '*.token', '*.narrative', '*.givenName', '*.familyName',
  '*.nhsNumber', '*.dateOfBirth', '*.name', 'body', '*.body',
];

export function createLogger(level: Config['logLevel'], destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'mash-triage' }, redact: { paths: LOG_REDACTIONS, censor: '[redacted]' } }, destination);
}

/** The composition root: database, rules, settings, clock, ids and partner clients, built once. */
export async function buildDeps(
  config: Config,
  overrides: { clock?: Clock; logger?: Logger; database?: DatabaseHandle; fetch?: typeof fetch; ruleSet?: RuleSet } = {},
): Promise<{ deps: Deps; database: DatabaseHandle }> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const ruleSet = overrides.ruleSet ?? loadRuleSet(config.rulesDir);
  const settings = loadSettings(join(config.rulesDir, 'settings'));
  const database = overrides.database ?? await openDatabase({
    url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), poolSize: config.dbPoolSize, timeouts: config.dbTimeouts,
  });
  // A database handed in (tests, a second rule pack) is migrated as it is; one opened here without its timeouts.
  await migrateAtStart(database, overrides.database ? undefined : config.databaseUrl);
  const clock = overrides.clock ?? systemClock;
  const signingKey = resolveSigningKey(config.audit.signingKey, config.dataDir);
  if (signingKey.source === 'data-folder' && database.kind === 'postgres') {
    logger.warn('audit checkpoints are signed with a key generated into this instance’s data folder: give every instance on this database the same MASH_AUDIT_SIGNING_KEY');
  }
  const signer = noteSigner(config.audit.origin, signingKey.pem);
  await saveRuleSet(database.db, { hash: ruleSet.hash, version: ruleSet.version, content: { ...storedContent(ruleSet) } }, clock.now());
  const deps: Deps = {
    db: database.db,
    clock,
    ids: randomIds,
    ruleSet,
    evaluator: evaluatorFor(ruleSet),
    settings,
    caseSystem: config.caseSystemUrl ? createCaseSystemClient(config.caseSystemUrl, config.caseSystemTimeoutMs, overrides.fetch) : null,
    logger,
    checks: {
      partners: loadPartnerSettings(config.partnersFile ?? join(config.rulesDir, 'settings', 'partners.json')),
      client: createPartnerClient(config.checks.timeoutMs, overrides.fetch),
      dispatch: config.checks,
    },
    audit: { signer, verifier: parseVerifierKey(signer.verifierKey), config: config.audit },
    redis: config.redisUrl ? openRedis(config.redisUrl, logger) : null,
  };
  return { deps, database };
}
