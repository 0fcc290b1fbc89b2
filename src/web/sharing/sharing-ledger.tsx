import type { Database } from '../../db/client.js';
import { listSharingForContact } from '../../db/repositories/sharing.repo.js';
import { CONSENT_POSITIONS, LAWFUL_BASES, WITHOUT_CONSENT_REASONS } from '../../schemas/sharing.schema.js';
import { formatInstant } from '../components.js';

const label = (table: Record<string, string>, key: string | null) => (key === null ? '' : table[key] ?? key);

/** The contact's information-sharing ledger: what went to which partner, on what basis, with or without agreement, decided by whom and when. */
export async function SharingLedger({ db, la, contactId }: { db: Database; la: string; contactId: string }) {
  const rows = await listSharingForContact(db, la, contactId);
  return (
    <section aria-labelledby="sharing-heading">
      <h2 class="govuk-heading-m" id="sharing-heading">Information sharing</h2>
      {rows.length === 0 ? <p class="govuk-body">No check has been sent and nothing has been shared with a partner yet. Each check waits for its lawful basis and consent position.</p> : (
        <table class="govuk-table app-sharing">
          <caption class="govuk-table__caption govuk-table__caption--s">Each check and disclosure, with the basis it was made on</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Partner</th><th scope="col" class="govuk-table__header">Lawful basis</th>
            <th scope="col" class="govuk-table__header">Agreement</th><th scope="col" class="govuk-table__header">Why</th>
            <th scope="col" class="govuk-table__header">Decided</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {rows.map((r) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">{r.partner.replace(/_/g, ' ')} <span class="govuk-body-s">({r.kind === 'check' ? 'check' : `disclosure: ${r.shared ?? ''}`})</span></th>
                <td class="govuk-table__cell govuk-body-s">{label(LAWFUL_BASES, r.lawful_basis)}</td>
                <td class="govuk-table__cell govuk-body-s">{label(CONSENT_POSITIONS, r.consent)}{r.without_consent_reason ? <>: {label(WITHOUT_CONSENT_REASONS, r.without_consent_reason)}</> : null}</td>
                <td class="govuk-table__cell govuk-body-s">{r.rationale}</td>
                <td class="govuk-table__cell govuk-body-s">{r.decided_by}, {formatInstant(new Date(r.decided_at).toISOString())}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
