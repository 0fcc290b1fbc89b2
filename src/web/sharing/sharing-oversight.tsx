import type { OversightSummary } from '../../domain/oversight/summarise-oversight.js';
import { WITHOUT_CONSENT_REASONS } from '../../schemas/sharing.schema.js';
import { countOf } from '../../lib/plural.js';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** Checks made without the family's agreement, by partner, and the reasons recorded. */
export function SharingOversight({ figures }: { figures: OversightSummary['informationSharing'] }) {
  const reasons = Object.keys(WITHOUT_CONSENT_REASONS) as (keyof typeof WITHOUT_CONSENT_REASONS)[];
  return (
    <section aria-labelledby="sharing-oversight">
      <h2 class="govuk-heading-m" id="sharing-oversight">Checks made without the family’s agreement</h2>
      <p class="govuk-body">Of {countOf(figures.checks, 'check')} decided in the period, {figures.withoutConsent.count} ({pct(figures.withoutConsent.share)}) went without agreement; {figures.refused.count} after the family refused.</p>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">By partner, with the reasons given</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Partner</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Without agreement</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Checks</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Share</th>
          <th scope="col" class="govuk-table__header">Reasons</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {figures.byPartner.filter((p) => p.withoutConsent.total > 0).map((p) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">{p.partner.replace(/_/g, ' ')}{p.withoutConsent.smallNumber ? <strong class="govuk-tag govuk-tag--grey app-small">small number</strong> : null}</th>
              <td class="govuk-table__cell govuk-table__cell--numeric">{p.withoutConsent.count}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{p.withoutConsent.total}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{pct(p.withoutConsent.share)}</td>
              <td class="govuk-table__cell govuk-body-s">{reasons.filter((r) => (p.reasons[r]?.count ?? 0) > 0).map((r) => `${WITHOUT_CONSENT_REASONS[r]} (${p.reasons[r]?.count ?? 0})`).join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
