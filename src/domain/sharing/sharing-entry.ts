import type { AuditEvent } from '../../audit/entry.js';
import type { NewSharingRow } from '../../db/schema.js';
import type { SharingBasisInput } from '../../schemas/sharing.schema.js';
import type { VerbContext } from '../context.js';
import { ValidationFailed } from '../errors.js';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

interface About { contactId: string; partner: string; kind: 'check' | 'disclosure'; checkId: string | null; shared: string | null }

/**
 * The ledger row and its trail entry for one sharing decision. `path` is
 * where the basis sits in the request, so a bad date names the right field.
 * The rationale stays in the ledger: the trail is read outside the case.
 */
export function sharingEntry(ctx: VerbContext, about: About, basis: SharingBasisInput, path: string): { row: NewSharingRow; event: AuditEvent } {
  const { deps, actor } = ctx;
  const now = deps.clock.now();
  const decidedAt = basis.decidedAt ? new Date(basis.decidedAt) : now;
  if (decidedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new ValidationFailed('A sharing decision cannot be taken in the future', [{ path: `${path}/decidedAt`, message: 'is later than now' }]);
  }
  const row: NewSharingRow = {
    id: deps.ids('shr'), la: actor.la, contact_id: about.contactId, kind: about.kind, check_id: about.checkId, partner: about.partner,
    shared: about.shared, lawful_basis: basis.lawfulBasis, special_category_condition: basis.specialCategoryCondition ?? null,
    consent: basis.consent, without_consent_reason: basis.consent === 'given' ? null : basis.withoutConsentReason ?? null,
    rationale: basis.rationale, decided_by: basis.decidedBy ?? actor.sub, decided_at: decidedAt, recorded_by: actor.sub, recorded_at: now,
  };
  const event: AuditEvent = {
    la: actor.la, contactId: about.contactId, action: about.kind === 'check' ? 'check.sharing_recorded' : 'contact.disclosed', actor, at: now,
    detail: {
      sharingId: row.id, kind: about.kind, checkId: about.checkId, partner: about.partner, lawfulBasis: row.lawful_basis,
      specialCategoryCondition: row.special_category_condition, consent: row.consent, withoutConsentReason: row.without_consent_reason,
      decidedBy: row.decided_by, decidedAt: decidedAt.toISOString(), requestId: ctx.requestId,
    },
  };
  return { row, event };
}
