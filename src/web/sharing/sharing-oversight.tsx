import type { OversightSummary } from '../../domain/oversight/summarise-oversight.js';
import { countOf } from '../../lib/plural.js';
import { WITHOUT_CONSENT_REASONS } from '../../schemas/sharing.schema.js';
import { BarChart, shareFigure, SmallTag } from '../charts.js';
import { partnerWords, type PartnerNames } from '../code-words.js';
import { FigureTable, Num } from '../oversight/figure-table.js';

type Figures = OversightSummary['informationSharing'];
const REASONS = Object.keys(WITHOUT_CONSENT_REASONS) as (keyof typeof WITHOUT_CONSENT_REASONS)[];
const reasonsInWords = (reasons: Figures['reasons']) =>
  REASONS.filter((r) => (reasons[r]?.count ?? 0) > 0).map((r) => `${WITHOUT_CONSENT_REASONS[r]} (${reasons[r]?.count ?? 0})`).join('; ') || '—';

/** Checks made without the family's agreement, by partner, and the reasons recorded. */
export function SharingOversight({ figures, partnerNames }: { figures: Figures; partnerNames: PartnerNames }) {
  const partners = figures.byPartner.filter((p) => p.withoutConsent.total > 0);
  return (
    <section aria-labelledby="sharing-oversight">
      <h2 class="govuk-heading-m" id="sharing-oversight">Checks made without the family’s agreement</h2>
      <p class="govuk-body">Of {countOf(figures.checks, 'check')} decided in the period, {shareFigure(figures.withoutConsent)} went without agreement; {figures.refused.count} after the family refused.<SmallTag small={figures.withoutConsent.smallNumber} /></p>
      {partners.length === 0 ? null : (
        <BarChart title="Share of checks made without agreement, by partner" unit="%" max={1}
          bars={partners.map((p) => ({ label: partnerWords(partnerNames, p.partner), value: p.withoutConsent.share, figure: shareFigure(p.withoutConsent), ...(p.withoutConsent.smallNumber ? { note: '(small number)' } : {}) }))} />
      )}
      <FigureTable caption="Why checks went without agreement, all partners" headers={['Reason', 'Checks']} id="sharing-reasons">
        {REASONS.map((r) => (
          <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{WITHOUT_CONSENT_REASONS[r]}</th><Num>{figures.reasons[r]?.count ?? 0}</Num></tr>
        ))}
      </FigureTable>
      {partners.length === 0 ? <p class="govuk-body">No check’s basis for sharing was decided in the period.</p> : (
        <FigureTable caption="By partner, with the reasons given" headers={['Partner', 'Without agreement', 'Checks', 'Share', 'Reasons']} id="sharing-partners">
          {partners.map((p) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">{partnerWords(partnerNames, p.partner)}<SmallTag small={p.withoutConsent.smallNumber} /></th>
              <Num>{p.withoutConsent.count}</Num><Num>{p.withoutConsent.total}</Num><Num>{shareFigure(p.withoutConsent)}</Num>
              <td class="govuk-table__cell govuk-body-s">{reasonsInWords(p.reasons)}</td>
            </tr>
          ))}
        </FigureTable>
      )}
    </section>
  );
}
