import type { Database } from '../client.js';

export interface RuleSetRecord { hash: string; version: string; content: Record<string, unknown> }

/** Every rule set ever used is kept by its hash, so that old triages replay with the rules they were made with. */
export async function saveRuleSet(db: Database, ruleSet: RuleSetRecord, at: Date): Promise<void> {
  await db.insertInto('rule_sets')
    .values({ hash: ruleSet.hash, version: ruleSet.version, rules: JSON.stringify(ruleSet.content), first_used_at: at })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
}

export async function findRuleSet(db: Database, hash: string): Promise<RuleSetRecord | undefined> {
  const row = await db.selectFrom('rule_sets').selectAll().where('hash', '=', hash).executeTakeFirst();
  return row && { hash: row.hash, version: row.version, content: row.rules };
}

export async function findRuleSetFirstUsed(db: Database, hash: string): Promise<Date | null> {
  const row = await db.selectFrom('rule_sets').select('first_used_at').where('hash', '=', hash).executeTakeFirst();
  return row ? new Date(row.first_used_at) : null;
}
