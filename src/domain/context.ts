import type { Logger } from 'pino';
import type { CaseSystemClient } from '../clients/case-system.client.js';
import type { PartnerClient } from '../clients/partner.client.js';
import type { RedisClient } from '../clients/redis.client.js';
import type { NoteSigner, NoteVerifier } from '../audit/checkpoint.js';
import type { AuditLogConfig, CheckDispatchConfig } from '../config.js';
import type { Database } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import type { IdGenerator } from '../lib/ids.js';
import type { Evaluator } from '../rules/evaluate.js';
import type { PartnerSettings } from '../rules/partner-settings.js';
import type { RuleSet } from '../rules/rule-set.js';
import type { SettingsBook } from '../rules/settings.js';
import type { Actor } from './actor.js';

/** Everything a domain verb may use, built once in src/deps.ts (tests build the same with test parts). */
export interface Deps {
  db: Database;
  clock: Clock;
  ids: IdGenerator;
  ruleSet: RuleSet;
  evaluator: Evaluator;
  settings: SettingsBook;
  caseSystem: CaseSystemClient | null;
  logger: Logger;
  checks: ChecksDeps;
  audit: AuditDeps;
  /** Shared store for rate limits when `REDIS_URL` is set; otherwise they live in the database. */
  redis: RedisClient | null;
}

/** The verifiable audit log: who signs its checkpoints, and how they are checked. */
export interface AuditDeps {
  signer: NoteSigner;
  verifier: NoteVerifier;
  config: AuditLogConfig;
}

/** Multi-agency checks: who the partners are, how to reach them, and how hard to try. */
export interface ChecksDeps {
  partners: PartnerSettings;
  client: PartnerClient;
  dispatch: CheckDispatchConfig;
}

/** The context of one call: the dependencies, who is acting, and the request it came in. */
export interface VerbContext {
  deps: Deps;
  actor: Actor;
  requestId: string;
}
