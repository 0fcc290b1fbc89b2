import type { ShareCell } from '../domain/oversight/cells.js';

export interface Bar {
  label: string;
  value: number | null;
  /** What is written beside the bar; by default the value (as a percentage when the unit is %). */
  figure?: string;
  note?: string;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * A share in words: "38% (12 of 32)"; a small number only as "2 of 3", as a
 * percentage of three would claim more than it knows; "none" with nothing to divide.
 */
export const shareFigure = (cell: ShareCell) =>
  cell.share === null ? `none (0 of ${cell.total})` : cell.smallNumber ? `${cell.count} of ${cell.total}` : `${pct(cell.share)} (${cell.count} of ${cell.total})`;

/**
 * A horizontal bar chart, always beside a table with the same figures (a chart
 * is never the only way to read them). Each row is the label, the bar and the
 * figure in their own grid cells, so a long label wraps rather than running
 * into the figure, at any width. A zero is drawn as a thin mark with its figure
 * beside it, so that it reads as zero rather than as missing.
 */
export function BarChart({ title, bars, max, unit }: { title: string; bars: Bar[]; max?: number; unit: string }) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value ?? 0), 0.0001);
  return (
    <figure class="app-chart">
      <figcaption class="govuk-body-s govuk-!-font-weight-bold">{title}</figcaption>
      <ul class="app-bars govuk-body-s">
        {bars.map((bar) => {
          const share = bar.value === null ? null : Math.min(100, (100 * bar.value) / top);
          const figure = bar.figure ?? (bar.value === null ? 'none' : `${unit === '%' ? Math.round(bar.value * 100) : bar.value}${unit}`);
          return (
            <li class="app-bars__row">
              <span class="app-bars__label">{bar.label}{bar.note ? ` ${bar.note}` : ''}</span>
              <span class="app-bars__track" aria-hidden="true">
                {share === null ? null : (
                  <svg width="100%" height="16" focusable="false" aria-hidden="true" class="app-bars__svg">
                    <rect x="0" y="0" width={share < 0.5 ? '3' : `${share}%`} height="16" class={bar.value === 0 ? 'app-bar app-bar--zero' : 'app-bar'} />
                  </svg>
                )}
              </span>
              <span class="app-bars__figure">{figure}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

/** Bars from share cells, each labelled in words and with its figure as "n of N" or a percentage. */
export const shareBars = (cells: Record<string, ShareCell>, words: (code: string) => string = (c) => c.replace(/_/g, ' ')): Bar[] =>
  Object.entries(cells).map(([code, cell]) => ({ label: words(code), value: cell.share, figure: shareFigure(cell), ...(cell.smallNumber ? { note: '(small number)' } : {}) }));

export const SmallTag = ({ small }: { small: boolean }) => (small ? <strong class="govuk-tag govuk-tag--grey app-small">small number</strong> : null);

export function ShareTable({ caption, cells, keyHeader, words = (c) => c.replace(/_/g, ' ') }: { caption: string; cells: Record<string, ShareCell>; keyHeader: string; words?: (code: string) => string }) {
  return (
    <table class="govuk-table app-table-s">
      <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">{keyHeader}</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">NFA</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Closed</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Share</th>
      </tr></thead>
      <tbody class="govuk-table__body">
        {Object.entries(cells).map(([key, cell]) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">{words(key)}<SmallTag small={cell.smallNumber} /></th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{cell.count}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{cell.total}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{cell.share === null ? '—' : pct(cell.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
