import type { Child } from 'hono/jsx';

/**
 * Questions that follow an answer given in a select or a text box, where the
 * GOV.UK conditional reveal (for checkboxes) does not reach: assets/app.js
 * hides them while they do not apply and does not send them. Without
 * JavaScript they always show, and what is answered is sent.
 */
export function Follows({ control, hideWhen, hidden, children }: { control: string; hideWhen: readonly string[]; hidden: boolean; children: Child }) {
  return <div class={`app-follows${hidden ? ' app-follows--hidden' : ''}`} data-app-control={control} data-app-hide-when={JSON.stringify(hideWhen)}>{children}</div>;
}

/** Questions for a child under an age, the age read from the child's date of birth or age box. */
export function ForAgeUnder({ control, months, hidden, children }: { control: string; months: number; hidden: boolean; children: Child }) {
  return <div class={`app-follows${hidden ? ' app-follows--hidden' : ''}`} data-app-age-from={control} data-app-age-below-months={String(months)}>{children}</div>;
}
