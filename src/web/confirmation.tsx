/** What the person just did and what happens next, shown once after a redirect (GOV.UK success banner). */
export const DONE: Record<string, { title: string; next: string }> = {
  decided: { title: 'Decision recorded', next: 'It goes to the case system; the referrer’s feedback is prepared.' },
  queued: { title: 'Decision recorded and sent for review', next: 'It departs from the prompts, so a manager will review it before it stands.' },
  closed: { title: 'Contact closed', next: 'It can now be drawn in an audit sample.' },
  reviewed: { title: 'Review recorded', next: 'The screener will see your verdict on the contact.' },
};

export function Confirmation({ done }: { done: string | undefined }) {
  const message = done ? DONE[done] : undefined;
  if (!message) return null;
  return (
    <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
      <div class="govuk-notification-banner__content">
        <h3 class="govuk-notification-banner__heading">{message.title}</h3>
        <p class="govuk-body">{message.next}</p>
      </div>
    </div>
  );
}
