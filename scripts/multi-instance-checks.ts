import type { Database } from '../src/db/client.js';
import type { startFakePartner } from './fake-partner.js';
import { sleep } from './local-server.js';

/** A basis a screener records for a check made without asking the family, as in the information-sharing advice. */
const BASIS = {
  lawfulBasis: 'public_task', specialCategoryCondition: 'safeguarding_children', consent: 'not_sought',
  withoutConsentReason: 'prejudice_crime', rationale: 'Police are investigating; telling the household first could lose evidence.',
};

export interface CheckRun {
  db: Database;
  partner: Awaited<ReturnType<typeof startFakePartner>>;
  instances: { port: number; proxy: { freezes: number; freezeWhenSent(text: string): void } }[];
  tokenFor(la: string, sub: string): Promise<string>;
  contactIds: string[];
}

export interface CheckFigures { released: number; delivered: number; requests: number; refusedFirst: number; sentAgain: number; dispatchedEntries: number; freezes: number; seconds: number; problems: string[] }

/**
 * Partner checks through several instances: a basis is recorded for every check of the given contacts (through
 * all instances, while one instance's connection freezes at its next update of a check), then the three
 * instances' dispatchers compete to send them. Each check must reach the partner under its one idempotency key,
 * and be recorded as sent with the reference the partner gave for that key.
 */
export async function releaseAndDispatch(run: CheckRun): Promise<CheckFigures> {
  const started = Date.now();
  const problems: string[] = [];
  const checks = await run.db.selectFrom('checks').select(['id', 'la']).where('contact_id', 'in', run.contactIds)
    .where('status', '=', 'awaiting_basis').where('dispatch', '=', 'api').execute();
  if (checks.length === 0) return { released: 0, delivered: 0, requests: 0, refusedFirst: 0, sentAgain: 0, dispatchedEntries: 0, freezes: 0, seconds: 0, problems: ['no checks to send'] };
  const frozen = run.instances[1 % run.instances.length];
  const freezesBefore = frozen?.proxy.freezes ?? 0;
  frozen?.proxy.freezeWhenSent('update "checks"');

  await Promise.all(checks.map(async (check, i) => {
    const token = await run.tokenFor(check.la, `sharing-${i % 6}`);
    for (let attempt = 0; attempt < 40; attempt++) {
      const instance = run.instances[(i + attempt) % run.instances.length];
      const status = await fetch(`http://127.0.0.1:${instance?.port}/api/v1/checks/${check.id}/sharing`, {
        method: 'POST', body: JSON.stringify(BASIS), signal: AbortSignal.timeout(30_000),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      }).then((r) => r.status, () => 0);
      // 409: the basis is on record already (an earlier try was stored, though its answer was lost).
      if (status === 200 || status === 409) return;
      await sleep(250);
    }
    problems.push(`${check.id}: basis never recorded`);
  }));

  const ids = checks.map((c) => c.id);
  const undelivered = () => run.db.selectFrom('checks').select(['id']).where('id', 'in', ids).where('dispatched_at', 'is', null).execute();
  for (const deadline = Date.now() + 120_000; (await undelivered()).length > 0 && Date.now() < deadline;) await sleep(250);

  const rows = await run.db.selectFrom('checks').select(['id', 'status', 'partner_reference']).where('id', 'in', ids).execute();
  const dispatched = await run.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', 'check.dispatched').where((eb) => eb(eb.ref('detail', '->>').key('checkId' as never), 'in', ids)).executeTakeFirstOrThrow();
  const unknownKeys = [...run.partner.deliveries.keys()].filter((key) => !ids.includes(key));
  const notDelivered = rows.filter((r) => !run.partner.accepted.has(r.id) || r.status !== 'awaiting_response');
  const wrongReference = rows.filter((r) => r.partner_reference !== run.partner.accepted.get(r.id));
  // Requests beyond the one that was accepted and any refused first try: a check sent again after it had gone.
  const sentAgain = ids.reduce((n, id) => n + Math.max(0, (run.partner.deliveries.get(id) ?? 0) - 1), 0) - run.partner.refused;
  if (notDelivered.length) problems.push(`${notDelivered.length} checks not delivered and recorded as sent`);
  if (unknownKeys.length || run.partner.withoutKey) problems.push(`${unknownKeys.length + run.partner.withoutKey} requests under a key that is no check of this run`);
  if (wrongReference.length) problems.push(`${wrongReference.length} checks recorded with a reference the partner did not give for their key`);
  return {
    released: checks.length, delivered: run.partner.accepted.size, requests: [...run.partner.deliveries.values()].reduce((a, b) => a + b, 0),
    refusedFirst: run.partner.refused, sentAgain, dispatchedEntries: Number(dispatched.n),
    freezes: (frozen?.proxy.freezes ?? 0) - freezesBefore, seconds: Math.round((Date.now() - started) / 1000), problems,
  };
}
