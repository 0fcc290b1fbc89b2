import type { SharingRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { oneOf, oneOfOrNull } from '../../lib/one-of.js';
import { PARTNERS } from '../../schemas/codes.js';
import { SharingViewSchema } from '../../schemas/sharing.schema.js';

export type SharingView = ReturnType<typeof sharingView>;
const shape = SharingViewSchema.shape;

/** One ledger entry as the API and pages show it; stored codes narrowed to the vocabulary the contract names. */
export function sharingView(row: SharingRow) {
  return {
    id: row.id,
    contactId: row.contact_id,
    kind: oneOf(shape.kind.options, row.kind),
    checkId: row.check_id,
    partner: oneOf(PARTNERS, row.partner),
    shared: row.shared,
    lawfulBasis: oneOf(shape.lawfulBasis.options, row.lawful_basis),
    specialCategoryCondition: oneOfOrNull(shape.specialCategoryCondition.unwrap().options, row.special_category_condition),
    consent: oneOf(shape.consent.options, row.consent),
    withoutConsentReason: oneOfOrNull(shape.withoutConsentReason.unwrap().options, row.without_consent_reason),
    rationale: row.rationale,
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at),
    recordedBy: row.recorded_by,
    recordedAt: iso(row.recorded_at),
  };
}
