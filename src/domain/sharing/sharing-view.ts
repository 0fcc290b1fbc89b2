import type { SharingRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';

/** One ledger entry as the API and pages show it. */
export function sharingView(row: SharingRow) {
  return {
    id: row.id,
    contactId: row.contact_id,
    kind: row.kind,
    checkId: row.check_id,
    partner: row.partner,
    shared: row.shared,
    lawfulBasis: row.lawful_basis,
    specialCategoryCondition: row.special_category_condition,
    consent: row.consent,
    withoutConsentReason: row.without_consent_reason,
    rationale: row.rationale,
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at)!,
    recordedBy: row.recorded_by,
    recordedAt: iso(row.recorded_at)!,
  };
}
export type SharingView = ReturnType<typeof sharingView>;
