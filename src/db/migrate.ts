import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { openDatabase, type DatabaseHandle } from './client.js';
import * as triageCore from './migrations/2026-11-28-01-triage-core.js';
import * as decisions from './migrations/2026-11-28-02-decisions.js';
import * as idempotency from './migrations/2026-11-28-03-idempotency.js';
import * as auditRoles from './migrations/2026-11-28-04-audit-roles.js';
import * as sampling from './migrations/2026-11-28-05-sampling.js';
import * as checks from './migrations/2026-11-28-06-checks.js';
import * as oversight from './migrations/2026-11-28-07-oversight.js';
import * as referrerFeedback from './migrations/2026-11-28-08-referrer-feedback.js';
import * as routeUrgency from './migrations/2026-12-01-01-route-urgency.js';
import * as auditTree from './migrations/2026-12-01-40-audit-tree.js';
import * as teams from './migrations/2026-12-01-50-teams.js';
import * as secondScreens from './migrations/2026-12-01-51-second-screens.js';
import * as calibration from './migrations/2026-12-01-52-calibration.js';
import * as webSessions from './migrations/2026-12-01-30-web-sessions.js';
import * as informationSharing from './migrations/2026-12-01-60-information-sharing.js';
import * as familyExplanations from './migrations/2026-12-01-61-family-explanations.js';
import * as oidcSignIns from './migrations/2026-12-01-84-oidc-sign-ins.js';

/** Migrations in order; the same list serves PostgreSQL and PGlite. */
const migrations: Record<string, Migration> = {
  '2026-11-28-01-triage-core': triageCore,
  '2026-11-28-02-decisions': decisions,
  '2026-11-28-03-idempotency': idempotency,
  '2026-11-28-04-audit-roles': auditRoles,
  '2026-11-28-05-sampling': sampling,
  '2026-11-28-06-checks': checks,
  '2026-11-28-07-oversight': oversight,
  '2026-11-28-08-referrer-feedback': referrerFeedback,
  '2026-12-01-01-route-urgency': routeUrgency,
  '2026-12-01-40-audit-tree': auditTree,
  '2026-12-01-50-teams': teams,
  '2026-12-01-51-second-screens': secondScreens,
  '2026-12-01-52-calibration': calibration,
  '2026-12-01-30-web-sessions': webSessions,
  '2026-12-01-60-information-sharing': informationSharing,
  '2026-12-01-61-family-explanations': familyExplanations,
  '2026-12-01-84-oidc-sign-ins': oidcSignIns,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// biome-ignore lint/suspicious/noExplicitAny: migrations run over Kysely<any>, frozen apart from the app's table types
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Branches developed side by side add migrations dated before ones already run (e.g. 2026-12-01-40 after -52):
  // they must still run on a database that has the later ones, each once, in name order among the pending.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * The service's migrations at start-up. On PostgreSQL they run on a connection of their own without the
 * request timeouts (statement, lock, read): a migration over a large table may rightly take longer than any
 * request should, and must not be cut off half way through a deployment. PGlite has no such timeouts.
 */
export async function migrateAtStart(database: DatabaseHandle, url: string | undefined): Promise<string[]> {
  if (database.kind !== 'postgres' || url === undefined) return migrateToLatest(database.db);
  const untimed = await openDatabase({ url, poolSize: 1 });
  try {
    return await migrateToLatest(untimed.db);
  } finally {
    await untimed.close();
  }
}
