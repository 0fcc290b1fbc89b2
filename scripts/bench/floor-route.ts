import { Hono } from 'hono';
import { appendAudit } from '../../src/db/repositories/audit.repo.js';
import { insertContactGraph } from '../../src/db/repositories/contacts.repo.js';
import { insertTriage, type TriageRecord } from '../../src/db/repositories/triages.repo.js';
import type { Database } from '../../src/db/client.js';
import { newId } from '../../src/lib/ids.js';
import type { ContactInput } from '../../src/schemas/contact.schema.js';

/** Floor rows go to an authority of their own, so they never show up in a real child's history or audit chain. */
export const FLOOR_LA = 'E99999999';
const CHAINED_LA = 'E99999998';

export interface FloorPayload {
  /** A real triage's facts, results and prompts: the floor stores JSON of the same size. */
  triage: Pick<TriageRecord, 'settings' | 'facts' | 'results' | 'prompts' | 'rule_set_hash'>;
}

/**
 * The floor of the stack: the same body parsed, the same number of rows
 * committed in one transaction through the same pool, and nothing else —
 * no token, no validation, no history lookup, no rules, no audit sequencing.
 * /bench/floor-chained/ is the same with the audit rows written through the
 * real audit write (appendAudit: unplaced, hashed, no shared lock), to show
 * what the audit write itself costs.
 */
export function floorRoute(db: Database, payload: FloorPayload) {
  let chainIndex = Date.now() * 1000; // unique across runs into one database
  const app = new Hono();
  app.post('/bench/:kind{floor|floor-chained}/contacts', async (c) => {
    const chained = c.req.param('kind') === 'floor-chained';
    const input = await c.req.json<ContactInput>();
    const now = new Date();
    const receivedAt = new Date(input.receivedAt);
    const contactId = newId('con', now);
    const { children, adults, ...record } = input;
    await db.transaction().execute(async (tx) => {
      await insertContactGraph(tx, {
        contact: {
          id: contactId, la: FLOOR_LA, status: 'awaiting_decision', received_at: receivedAt, decision_due_by: receivedAt,
          priority: 'green', score: 0, referrer_source: input.referrer.source, referrer_group: 'professional',
          channel: input.channel ?? null, immediate_danger: input.immediateDanger ?? null, youngest_age_days: null,
          record, recorded_by: 'floor', recorded_at: now, version: 1, closed_at: null,
        },
        children: children.map((child, i) => ({
          id: newId('chd', now), contact_id: contactId, la: FLOOR_LA, position: i, person_id: child.personId ?? null,
          nhs_number: child.nhsNumber ?? null, date_of_birth: child.dateOfBirth ?? null, expected_date_of_birth: child.expectedDateOfBirth ?? null,
          age_days: null, received_at: receivedAt, ethnicity: child.ethnicity ?? null, record: child,
        })),
        adults: (adults ?? []).map((adult, i) => ({
          id: newId('adt', now), contact_id: contactId, position: i, person_id: adult.personId ?? null, role: adult.role ?? null, record: adult,
        })),
      });
      await insertTriage(tx, {
        ...payload.triage, id: newId('tri', now), contact_id: contactId, la: FLOOR_LA, sequence: 1,
        priority: 'green', score: 0, route: null, urgency: null, response: null, history_complete: true, created_at: now,
      });
      if (chained) {
        const actor = { sub: 'floor', role: 'screener' };
        await appendAudit(tx, [
          { la: CHAINED_LA, contactId, action: 'contact.recorded', actor, at: now, detail: { receivedAt: input.receivedAt } },
          { la: CHAINED_LA, contactId, action: 'contact.triaged', actor, at: now, detail: { facts: payload.triage.facts } },
        ]);
        return;
      }
      const audit = (action: string, detail: Record<string, unknown>) => ({
        id: newId('aud', now), la: FLOOR_LA, chain_index: chainIndex++, contact_id: contactId, action, actor_sub: 'floor',
        actor_role: 'screener', at: now, detail: JSON.stringify(detail), hash_alg: 'sha256', prev_hash: 'floor', hash: 'floor',
      });
      await tx.insertInto('audit_log').values([
        audit('contact.recorded', { receivedAt: input.receivedAt }),
        audit('contact.triaged', { facts: payload.triage.facts }),
      ]).execute();
    });
    return c.json({ id: contactId }, 201);
  });
  return app;
}
