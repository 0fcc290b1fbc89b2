import type { OversightSummary } from '../../domain/oversight/summarise-oversight.js';
import { BarChart, shareFigure, SmallTag } from '../charts.js';
import { outcomeWords, priorityWords } from '../code-words.js';
import { FigureTable, Num } from './figure-table.js';

type Contacts = OversightSummary['contacts'];
type CountCells = Contacts['byPriority'];

/** Counts as bars of a whole: each "n of N" beside its bar, and a table with the same figures. */
function CountBreakdown({ title, keyHeader, cells, total, words }: { title: string; keyHeader: string; cells: CountCells; total: number; words: (code: string) => string }) {
  const rows = Object.entries(cells);
  return (
    <>
      <BarChart title={title} unit="" max={Math.max(total, 1)}
        bars={rows.map(([code, cell]) => ({ label: words(code), value: cell.count, figure: `${cell.count} of ${total}`, ...(cell.smallNumber && cell.count > 0 ? { note: '(small number)' } : {}) }))} />
      <FigureTable caption={title} headers={[keyHeader, 'Contacts', 'Of all contacts']}>
        {rows.map(([code, cell]) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">{words(code)}<SmallTag small={cell.smallNumber && cell.count > 0} /></th>
            <Num>{cell.count}</Num><Num>{total === 0 ? '—' : `${Math.round((100 * cell.count) / total)}%`}</Num>
          </tr>
        ))}
      </FigureTable>
    </>
  );
}

/** Contacts received in the period: how urgent they were, what stood, how many first decisions came late, and NFA re-contacts. */
export function ContactFigures({ contacts, recontact }: { contacts: Contacts; recontact: OversightSummary['recontactWithin12MonthsOfNfa'] }) {
  return (
    <section aria-labelledby="contact-figures">
      <h2 class="govuk-heading-m" id="contact-figures">Contacts received</h2>
      <ul class="govuk-list govuk-list--bullet" id="contact-headlines">
        <li>{contacts.total} {contacts.total === 1 ? 'contact' : 'contacts'} received in the period.</li>
        <li>First decision made after it was due: <strong>{shareFigure(contacts.decidedLate)}</strong> of the contacts decided.<SmallTag small={contacts.decidedLate.smallNumber} /></li>
        <li>Contacts closed with no further action that were followed by another contact about the same child within 12 months: <strong>{shareFigure(recontact)}</strong>.<SmallTag small={recontact.smallNumber} /> The 12 months run past the end of a recent period, so its figure is not yet complete.</li>
      </ul>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half-from-desktop">
          <CountBreakdown title="Contacts by priority" keyHeader="Priority" cells={contacts.byPriority} total={contacts.total} words={priorityWords} />
        </div>
        <div class="govuk-grid-column-one-half-from-desktop">
          <CountBreakdown title="Contacts by the outcome that stood" keyHeader="Outcome" cells={contacts.byFinalOutcome} total={contacts.total} words={outcomeWords} />
        </div>
      </div>
      <BarChart title="Late first decisions and NFA re-contacts" unit="%" max={1} bars={[
        { label: 'First decision late', value: contacts.decidedLate.share, figure: shareFigure(contacts.decidedLate) },
        { label: 'Re-contact within 12 months of NFA', value: recontact.share, figure: shareFigure(recontact) },
      ]} />
    </section>
  );
}
