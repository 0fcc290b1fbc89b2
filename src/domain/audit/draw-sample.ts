import { appendAudit } from '../../db/repositories/audit.repo.js';
import { loadContactSet, type ContactSetRows } from '../../db/repositories/contact-sets.repo.js';
import { sampleClosedContacts, sampleClosedContactsByStratum, type SampledContact, type SampleFilter } from '../../db/repositories/samples.repo.js';
import { addCalendarDays, zonedInstant } from '../../lib/working-days.js';
import { PRIORITIES } from '../../schemas/codes.js';
import { OUTCOMES } from '../../schemas/decision.schema.js';
import type { AuditSampleInput } from '../../schemas/sample.schema.js';
import { requireRole } from '../actor.js';
import { contactView } from '../contacts/contact-view.js';
import { listSharingForContacts } from '../../db/repositories/sharing.repo.js';
import type { SharingRow } from '../../db/schema.js';

/** What an auditor needs of each sharing decision: who, on what basis, with or without agreement and why. */
const sharingSummary = (r: SharingRow) => ({
  kind: r.kind, partner: r.partner, lawfulBasis: r.lawful_basis, consent: r.consent, withoutConsentReason: r.without_consent_reason,
  decidedBy: r.decided_by, decidedAt: new Date(r.decided_at).toISOString(),
});
import type { VerbContext } from '../context.js';
import { present } from '../../lib/one-of.js';

const EARLIEST = new Date('1970-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T00:00:00Z');

function group<T extends { contact_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const byContact = new Map<string, T[]>();
  for (const row of rows) byContact.set(row.contact_id, [...(byContact.get(row.contact_id) ?? []), row]);
  return byContact;
}

function sampledViews(sampled: readonly SampledContact[], set: ContactSetRows) {
  const contacts = new Map(set.contacts.map((c) => [c.id, c]));
  const triages = new Map(set.triages.map((t) => [t.contact_id, t]));
  const [children, adults, decisions, reviews] = [group(set.children), group(set.adults), group(set.decisions), group(set.reviews)];
  return sampled.map((s) => {
    const contact = present(contacts.get(s.id), 'sampled contact');
    const view = contactView({
      contact, triage: present(triages.get(s.id), 'triage'), children: children.get(s.id) ?? [], adults: adults.get(s.id) ?? [],
      decisions: decisions.get(s.id) ?? [], reviews: reviews.get(s.id) ?? [],
    });
    return { ...view, referrerGroup: contact.referrer_group, overridden: contact.overridden, youngestAgeMonths: contact.youngest_age_months, stratum: s.stratum ?? null };
  });
}

/**
 * A seeded random sample of the authority's closed contacts for audit, each
 * with everything the auditor reads. Drawing it is an audit event naming the
 * filters, the seed and every contact drawn; each contact's trail shows the read.
 */
export async function drawAuditSample({ ctx, query }: { ctx: VerbContext; query: AuditSampleInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['auditor'], 'draw an audit sample');
  const { timeZone } = deps.settings.forAuthority(actor.la).values;
  const seedGenerated = query.seed === undefined;
  const seed = query.seed ?? deps.ids('smp');
  const filter: SampleFilter = {
    la: actor.la,
    closedFrom: query.closedFrom ? zonedInstant(query.closedFrom, '00:00', timeZone) : EARLIEST,
    closedTo: query.closedTo ? zonedInstant(addCalendarDays(query.closedTo, 1), '00:00', timeZone) : LATEST,
    priority: query.priority ?? null,
    outcomes: query.outcome ?? null,
    referrerGroup: query.referrerGroup ?? null,
    overridden: query.overridden ?? null,
    screener: query.screener ?? null,
    maxAgeMonths: query.maxAgeMonths ?? null,
    seed,
    size: query.size,
  };
  const filters = {
    closedFrom: query.closedFrom ?? null, closedTo: query.closedTo ?? null, maxAgeMonths: query.maxAgeMonths ?? null,
    outcome: query.outcome ?? null, priority: query.priority ?? null, referrerGroup: query.referrerGroup ?? null,
    overridden: query.overridden ?? null, screener: query.screener ?? null,
  };
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const sampled = query.stratify === undefined
      ? await sampleClosedContacts(tx, filter)
      : await sampleClosedContactsByStratum(tx, filter, query.stratify === 'outcome' ? 'final_outcome' : 'priority',
        query.stratify === 'outcome' ? (query.outcome ?? OUTCOMES) : (query.priority ?? PRIORITIES), query.perStratum);
    const views = sampledViews(sampled, await loadContactSet(tx, actor.la, sampled.map((s) => s.id)));
    const ledger = await listSharingForContacts(tx, actor.la, views.map((c) => c.id));
    const contacts = views.map((c) => ({ ...c, informationSharing: ledger.filter((r) => r.contact_id === c.id).map(sharingSummary) }));
    const size = query.stratify === undefined ? query.size : null;
    const perStratum = query.stratify === undefined ? null : query.perStratum;
    const contactIds = contacts.map((c) => c.id);
    await appendAudit(tx, [
      {
        la: actor.la, contactId: null, action: 'audit.sample_drawn', actor, at: now,
        detail: { filters, seed, seedGenerated, size, stratify: query.stratify ?? null, perStratum, format: query.format, contactIds, requestId: ctx.requestId },
      },
      ...contacts.map((c) => ({
        la: actor.la, contactId: c.id, action: 'contact.read', actor, at: now,
        detail: { version: c.version, via: 'audit_sample', seed, requestId: ctx.requestId },
      })),
    ]);
    return {
      seed, seedGenerated, drawnAt: now.toISOString(), filters, size,
      stratify: query.stratify ?? null, perStratum,
      count: contacts.length, contacts,
    };
  });
}

export type AuditSample = Awaited<ReturnType<typeof drawAuditSample>>;
