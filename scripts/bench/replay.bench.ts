import { sql } from 'kysely';
import type { Database } from '../../src/db/client.js';
import { saveRuleSet } from '../../src/db/repositories/rule-sets.repo.js';
import { whatIfReplay } from '../../src/domain/rules/what-if-replay.js';
import { deriveFacts } from '../../src/rules/facts.js';
import { storedContent, type RuleSet } from '../../src/rules/rule-set.js';
import type { AuthoritySettings } from '../../src/rules/settings.js';
import { contactGenerator, seededRandom } from './contact-generator.js';

export interface ReplayFigures { contacts: number; perSecond: number; seconds: number }

const LA = 'E09999999';
const BATCH = 1_000;

/**
 * The what-if replay over stored contacts: `contacts` triages with real facts
 * are stored (in an authority of their own, so the generated million do not
 * count), then the replay machinery pages through them and re-evaluates each
 * with the live rule set. Its rate is set against the raw engine's.
 */
export async function benchReplay(db: Database, ruleSet: RuleSet, settings: AuthoritySettings, options: { contacts: number; seed: number }): Promise<ReplayFigures> {
  const next = contactGenerator({ seed: options.seed, now: new Date() });
  const rnd = seededRandom(options.seed + 1);
  await saveRuleSet(db, { hash: ruleSet.hash, version: ruleSet.version, content: { ...storedContent(ruleSet) } }, new Date());
  for (let from = 0; from < options.contacts; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, options.contacts - from) }, (_, i) => {
      const contact = next();
      const history = { priorContacts: contact.children.map(() => Math.floor(rnd() * rnd() * 5)), caseSystem: [], complete: true };
      return { id: `con_rpl${String(from + i).padStart(23, '0')}`, facts: deriveFacts(contact, history, settings).facts };
    });
    const payload = JSON.stringify(rows);
    await sql`
      insert into contacts (id, la, status, received_at, decision_due_by, priority, score, referrer_source, referrer_group, record, recorded_by, recorded_at)
      select r->>'id', ${LA}, 'awaiting_decision', now(), now(), 'green', 0, '2A', 'professional', '{}'::jsonb, 'bench', now()
      from jsonb_array_elements(${payload}::jsonb) r`.execute(db);
    await sql`
      insert into triages (id, contact_id, la, sequence, rule_set_hash, settings, facts, results, prompts, priority, score, history_complete, created_at)
      select 'tri_' || substr(r->>'id', 5), r->>'id', ${LA}, 1, ${ruleSet.hash}, '{}'::jsonb, r->'facts', '[]'::jsonb, '[]'::jsonb, 'green', 0, true, now()
      from jsonb_array_elements(${payload}::jsonb) r`.execute(db);
  }
  await sql`analyze triages`.execute(db);
  const started = performance.now();
  const report = await whatIfReplay(db, ruleSet, { la: LA });
  const seconds = (performance.now() - started) / 1000;
  if (report.contacts !== options.contacts) throw new Error(`replayed ${report.contacts} contacts, expected ${options.contacts}`);
  return { contacts: report.contacts, perSecond: report.contacts / seconds, seconds };
}
