import type { ShareCell } from '../domain/oversight/cells.js';

export interface Bar { label: string; value: number | null; note?: string }

/**
 * A horizontal bar chart in plain SVG, always beside a table with the same
 * figures (a chart is never the only way to read them). Small numbers are
 * marked on the label.
 */
export function BarChart({ title, bars, max, unit }: { title: string; bars: Bar[]; max?: number; unit: string }) {
  const width = 640;
  const labelWidth = 220;
  const rowHeight = 28;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value ?? 0), 0.0001);
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${bars.length * rowHeight + 10}`} width="100%" class="app-chart">
      <title>{title}</title>
      {bars.map((bar, i) => {
        const length = bar.value === null ? 0 : ((width - labelWidth - 80) * bar.value) / top;
        const y = i * rowHeight + 5;
        return (
          <g>
            <text x={0} y={y + 17} class="app-chart-label">{bar.label}{bar.note ? ` ${bar.note}` : ''}</text>
            <rect x={labelWidth} y={y + 4} width={length} height={rowHeight - 10} class="app-bar" />
            <text x={labelWidth + length + 6} y={y + 17} class="app-chart-label">{bar.value === null ? 'none' : `${unit === '%' ? Math.round(bar.value * 100) : bar.value}${unit}`}</text>
          </g>
        );
      })}
    </svg>
  );
}

export const shareBars = (cells: Record<string, ShareCell>): Bar[] =>
  Object.entries(cells).map(([label, cell]) => ({ label: label.replace(/_/g, ' '), value: cell.share, ...(cell.smallNumber ? { note: '(small number)' } : {}) }));

export function ShareTable({ caption, cells, keyHeader }: { caption: string; cells: Record<string, ShareCell>; keyHeader: string }) {
  return (
    <table class="govuk-table">
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
            <th scope="row" class="govuk-table__header">{key.replace(/_/g, ' ')}{cell.smallNumber ? <strong class="govuk-tag govuk-tag--grey app-small">small number</strong> : null}</th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{cell.count}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{cell.total}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{cell.share === null ? '—' : `${Math.round(cell.share * 100)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
