import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // What stood when the contact was closed, stamped at close so an audit sample filters on the contact row alone.
  await sql`alter table contacts
    add column final_outcome text,
    add column overridden boolean,
    add column decided_by text,
    add column youngest_age_months integer`.execute(db);
  await sql`update contacts c set
      final_outcome = case when r.verdict = 'overturn' then r.outcome else d.outcome end,
      overridden = jsonb_array_length(d.departures) > 0,
      decided_by = d.decided_by,
      youngest_age_months = (select min(case when (ch.record->>'unborn')::boolean then 0 else (ch.record->>'ageMonths')::int end)
        from contact_children ch where ch.contact_id = c.id)
    from decisions d left join reviews r on r.decision_id = d.id
    where c.status = 'closed' and d.contact_id = c.id
      and d.sequence = (select max(sequence) from decisions x where x.contact_id = c.id)`.execute(db);
  // The sampling index, widened to carry every filter of the audit sample: the walk still reads the index alone.
  await sql`create index contacts_closed_sample_v2 on contacts (la, sample_key)
    include (closed_at, priority, id, final_outcome, overridden, decided_by, referrer_group, youngest_age_months) where status = 'closed'`.execute(db);
  await sql`drop index if exists contacts_closed_sample`.execute(db);
  // The oversight summary reads one authority's period of contacts, decisions and reviews.
  await sql`create index contacts_received on contacts (la, received_at)`.execute(db);
  await sql`create index decisions_decided on decisions (la, decided_at)`.execute(db);
  await sql`create index reviews_reviewed on reviews (la, reviewed_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['contacts_received', 'decisions_decided', 'reviews_reviewed']) await sql`drop index if exists ${sql.id(index)}`.execute(db);
  await sql`create index if not exists contacts_closed_sample on contacts (la, sample_key) include (closed_at, priority, id) where status = 'closed'`.execute(db);
  await sql`drop index if exists contacts_closed_sample_v2`.execute(db);
  await sql`alter table contacts drop column if exists final_outcome, drop column if exists overridden,
    drop column if exists decided_by, drop column if exists youngest_age_months`.execute(db);
}
