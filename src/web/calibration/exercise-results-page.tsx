import type { ExerciseResults } from '../../domain/calibration/exercise-results.js';
import { Layout } from '../layout.js';
import { estimate, labelOf } from '../second-opinion-labels.js';
import type { WebSession } from '../session.js';
import { countOf } from '../../lib/plural.js';

type Spread = ExerciseResults['practiceContacts'][number]['outcome'];

const spreadText = (s: Spread) => Object.entries(s.counts).sort(([, a], [, b]) => b - a).map(([k, n]) => `${labelOf(k)} ×${n}`).join('; ') || '—';

function SpreadCell({ spread, label }: { spread: Spread; label?: string | null }) {
  return (
    <td class="govuk-table__cell">
      {spread.diverged ? <strong class="govuk-tag govuk-tag--orange">diverged</strong> : null} {spreadText(spread)}
      {label ? <><br /><span class="govuk-body-s">Label: {labelOf(label)}</span></> : null}
    </td>
  );
}

/** How far the team agreed: alpha and kappa with intervals, and where each practice contact’s answers diverged. */
export function ExerciseResultsPage({ session, results }: { session: WebSession; results: ExerciseResults }) {
  const rows = [['Outcome', results.agreement.outcome], ['Route', results.agreement.route], ['Urgency', results.agreement.urgency]] as const;
  return (
    <Layout title={`Agreement in ${results.title}`} session={session}>
      <span class="govuk-caption-l">{results.title}</span>
      <h1 class="govuk-heading-l">How far the team agreed</h1>
      <p class="govuk-body">{countOf(results.screeners, 'screener')}, {countOf(results.practiceContacts.length, 'practice contact')}. {results.status === 'open' ? 'The exercise is still open: these figures will change.' : null}</p>
      {results.smallNumber ? <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Small number: with fewer than 5 practice contacts or 3 screeners the intervals are wide.</strong></div> : null}
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">1 is full agreement, 0 what chance alone would give; intervals are 95%, bootstrapped over practice contacts</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">On</th>
          <th scope="col" class="govuk-table__header">Krippendorff’s α, nominal</th>
          <th scope="col" class="govuk-table__header">Krippendorff’s α, ordinal</th>
          <th scope="col" class="govuk-table__header">Fleiss’ κ</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Pairs agreeing</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {rows.map(([name, f]) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">{name}</th>
              <td class="govuk-table__cell">{estimate(f.alphaNominal)}</td>
              <td class="govuk-table__cell">{f.alphaOrdinal ? estimate(f.alphaOrdinal) : 'no order'}</td>
              <td class="govuk-table__cell">{estimate(f.fleissKappa)}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{f.pairwiseAgreement === null ? '—' : `${Math.round(f.pairwiseAgreement * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 class="govuk-heading-m">Practice contact by practice contact</h2>
      <table class="govuk-table app-results">
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Practice contact</th><th scope="col" class="govuk-table__header">Outcome</th>
          <th scope="col" class="govuk-table__header">Route</th><th scope="col" class="govuk-table__header">Urgency</th>
          {session.role === 'screener' ? <th scope="col" class="govuk-table__header">You</th> : null}
        </tr></thead>
        <tbody class="govuk-table__body">
          {results.practiceContacts.map((p) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">{p.title}<br /><span class="govuk-body-s">{p.answers} answers</span></th>
              <SpreadCell spread={p.outcome} label={p.expected?.outcome ?? null} />
              <SpreadCell spread={p.route} label={p.expected?.route ?? null} />
              <SpreadCell spread={p.urgency} label={p.expected?.urgency ?? null} />
              {session.role === 'screener' ? <td class="govuk-table__cell">{p.yourAnswer ? `${labelOf(p.yourAnswer.outcome)}; ${labelOf(p.yourAnswer.route)}; ${labelOf(p.yourAnswer.urgency)}` : '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {session.role === 'manager' ? (
        <details class="govuk-details">
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Who answered what (for supervision)</span></summary>
          <div class="govuk-details__text">
            <table class="govuk-table">
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Practice contact</th><th scope="col" class="govuk-table__header">Screener</th><th scope="col" class="govuk-table__header">Answer</th>
              </tr></thead>
              <tbody class="govuk-table__body">
                {results.practiceContacts.flatMap((p) => (p.byScreener ?? []).map((a) => (
                  <tr class="govuk-table__row"><td class="govuk-table__cell">{p.reference}</td><td class="govuk-table__cell">{a.screener}</td>
                    <td class="govuk-table__cell">{labelOf(a.outcome)}; {labelOf(a.route)}; {labelOf(a.urgency)}</td></tr>
                )))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {results.practiceContacts.some((p) => p.expected?.reasoning) ? (
        <>
          <h2 class="govuk-heading-m">Why the bank labels them so</h2>
          <dl class="govuk-summary-list">
            {results.practiceContacts.filter((p) => p.expected?.reasoning).map((p) => (
              <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{p.title}</dt><dd class="govuk-summary-list__value">{p.expected?.reasoning}</dd></div>
            ))}
          </dl>
        </>
      ) : null}
    </Layout>
  );
}
