import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { DB } from '../../src/db/schema.js';

/**
 * Fills a migrated PostgreSQL database with generated contacts for the
 * history and sampling benchmarks: INSERT … SELECT over generate_series,
 * in batches, never row by row. Contacts span three years; those older
 * than a month are mostly closed. Children (1–4 a contact) are drawn from a
 * skewed pool of people, so some children have many earlier contacts, and
 * carry valid NHS numbers (modulus 11) where the check digit allows.
 */
export interface GenerateOptions { contacts: number; seed: number; la: string; batch?: number; log?: (line: string) => void }

export const GENERATED_RULE_SET = 'generated-for-benchmarks';

export async function generateContacts(db: Kysely<DB>, options: GenerateOptions): Promise<{ contacts: number; children: number; seconds: number }> {
  const started = performance.now();
  const batch = options.batch ?? 100_000;
  const people = Math.max(10, Math.floor(options.contacts * 0.8));
  await db.insertInto('rule_sets').values({ hash: GENERATED_RULE_SET, version: 'bench', rules: '{}', first_used_at: new Date() })
    .onConflict((oc) => oc.column('hash').doNothing()).execute();
  await db.connection().execute(async (conn) => {
    await sql`set synchronous_commit = off`.execute(conn);
    await sql`select setseed(${(options.seed % 1000) / 1000})`.execute(conn);
    for (let from = 1; from <= options.contacts; from += batch) {
      const to = Math.min(options.contacts, from + batch - 1);
      await sql`
        insert into contacts (id, la, status, received_at, decision_due_by, priority, score, referrer_source, referrer_group,
          channel, immediate_danger, youngest_age_days, record, recorded_by, recorded_at, version, closed_at)
        select 'con_gen' || lpad(i::text, 23, '0'), ${options.la},
          case when received_at > now() - interval '30 days' then 'awaiting_decision' when r3 < 0.85 then 'closed' else 'decided' end,
          received_at, received_at + interval '1 day',
          case when r2 < 0.1 then 'red' when r2 < 0.45 then 'amber' else 'green' end, floor(r2 * 100)::int,
          (array['2A','3A','3B','3E','5A','6','1A','1B','9','10'])[1 + floor(r4 * 10)::int],
          case when r4 < 0.6 then 'professional' when r4 < 0.8 then 'non_professional' when r4 < 0.9 then 'anonymous' else 'unknown' end,
          'phone', r2 < 0.03, floor(r3 * 6000)::int,
          jsonb_build_object('narrative', 'Generated contact ' || i, 'concerns', jsonb_build_array('21')),
          'generator', received_at, 1,
          case when received_at <= now() - interval '30 days' and r3 < 0.85 then received_at + (1 + floor(r5 * 20)) * interval '1 day' end
        from (
          select i, now() - r1 * interval '1095 days' as received_at, r2, r3, r4, r5
          from (select i, random() r1, random() r2, random() r3, random() r4, random() r5 from generate_series(${from}::int, ${to}::int) i) raw
        ) g`.execute(conn);
      // Children per contact: 1 (50%), 2 (30%), 3 (13%), 4 (7%); people drawn with a skew towards low numbers.
      await sql`
        insert into contact_children (id, contact_id, la, position, person_id, nhs_number, date_of_birth, age_days, received_at, record)
        select 'chd_' || substr(c.id, 5) || pos, c.id, c.la, pos, 'G-' || person, nhs, (c.received_at - age * interval '1 day')::date, age, c.received_at, '{}'::jsonb
        from contacts c
        cross join lateral (select generate_series(0, case when r < 0.5 then 0 when r < 0.8 then 1 when r < 0.93 then 2 else 3 end) pos
                            from (select random() + 0 * length(c.id) r) x) p
        cross join lateral (select floor(${people} * power(random() + 0 * p.pos, 1.3))::int person, floor(random() * 6500)::int age) who
        cross join lateral (
          select case when check_digit < 10 then base || check_digit end nhs from (
            select base, (11 - (sum(substr(base, d, 1)::int * (11 - d)) % 11)) % 11 check_digit
            from (select (400000000 + who.person)::text base) b, generate_series(1, 9) d group by base) k) n
        where c.id between ${`con_gen${String(from).padStart(23, '0')}`} and ${`con_gen${String(to).padStart(23, '0')}`}`.execute(conn);
      await sql`
        insert into triages (id, contact_id, la, sequence, rule_set_hash, settings, facts, results, prompts, priority, score, history_complete, created_at)
        select 'tri_' || substr(id, 5), id, la, 1, ${GENERATED_RULE_SET}, '{}', '{}', '[]', '[]', priority, score, true, received_at
        from contacts where id between ${`con_gen${String(from).padStart(23, '0')}`} and ${`con_gen${String(to).padStart(23, '0')}`}`.execute(conn);
      options.log?.(`  generated ${to.toLocaleString('en-GB')} of ${options.contacts.toLocaleString('en-GB')} contacts`);
    }
  });
  await sql`vacuum analyze contacts`.execute(db);
  await sql`vacuum analyze contact_children`.execute(db);
  await sql`analyze triages`.execute(db);
  const children = Number((await sql<{ n: number }>`select count(*)::int n from contact_children where person_id like 'G-%'`.execute(db)).rows[0]!.n);
  return { contacts: options.contacts, children, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const { values } = parseArgs({ options: { contacts: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '42' }, la: { type: 'string', default: 'E06000056' } } });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the PostgreSQL database to fill (it is migrated first)');
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    const result = await generateContacts(database.db, {
      contacts: Number(values.contacts), seed: Number(values.seed), la: values.la, log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`${result.contacts.toLocaleString('en-GB')} contacts and ${result.children.toLocaleString('en-GB')} children in ${result.seconds.toFixed(1)} s\n`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => { process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`); process.exit(1); });
}
