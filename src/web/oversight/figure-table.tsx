import type { Child } from 'hono/jsx';

/**
 * A table of figures that scrolls within itself when it is wider than the
 * screen, so the page never scrolls sideways; a named, focusable region, so
 * that a keyboard can scroll it too (WCAG 2.1.1).
 */
export function FigureTable({ caption, headers, children, id }: { caption: string; headers: string[]; children?: Child; id?: string }) {
  return (
    <section class="app-table-scroll" aria-label={caption} tabindex={0}>
      <table class="govuk-table app-table-s" {...(id ? { id } : {})}>
        <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          {headers.map((h, i) => <th scope="col" class={`govuk-table__header${i > 0 ? ' govuk-table__header--numeric' : ''}`}>{h}</th>)}
        </tr></thead>
        <tbody class="govuk-table__body">{children}</tbody>
      </table>
    </section>
  );
}

export const Num = ({ children }: { children?: Child }) => <td class="govuk-table__cell govuk-table__cell--numeric">{children}</td>;
