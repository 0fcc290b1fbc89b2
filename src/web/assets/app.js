// Progressive enhancement only: every page works without this file.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
import('/ui/govuk-frontend.min.js').then(({ initAll }) => initAll()).catch(() => { /* the pages work without it */ });

// Questions hidden under an option that is not chosen are not sent: what the
// screener sees is what is recorded. Without this script every question shows
// and every answer given is sent.
document.addEventListener('submit', (event) => {
  const hidden = event.target.querySelectorAll('.govuk-checkboxes__conditional--hidden, .govuk-radios__conditional--hidden, .app-follows--hidden');
  for (const section of hidden) {
    for (const control of section.querySelectorAll('input, select, textarea')) {
      control.disabled = true;
      control.dataset.hiddenOnSubmit = '';
    }
  }
});
// Coming back to the page from the browser's history: the questions answer again.
window.addEventListener('pageshow', () => {
  for (const control of document.querySelectorAll('[data-hidden-on-submit]')) {
    control.disabled = false;
    delete control.dataset.hiddenOnSubmit;
  }
});

// Questions that follow a select's answer or a child's age (src/web/follows.tsx):
// hidden while they do not apply. An age is read as the form reads it
// (src/web/contacts/date-or-age.ts): "4 months", "2 years", or a date of birth
// counted to the day the contact came in.
const UNIT_MONTHS = { d: 1 / 30.44, w: 7 / 30.44, m: 1, y: 12 };
function monthsOld(typed) {
  const text = typed.trim();
  const age = /^(?:about\s+)?(\d{1,2})\s*(d|days?|w|wks?|weeks?|m|mths?|months?|y|yrs?|years?)(?:\s+old)?$/i.exec(text);
  if (age) return Number(age[1]) * UNIT_MONTHS[age[2].charAt(0).toLowerCase()];
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(text);
  const born = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : null;
  if (!born) return null;
  const part = (id) => Number(document.getElementById(id)?.value);
  const received = [part('receivedDate-year'), part('receivedDate-month'), part('receivedDate')];
  if (received.some((n) => !n)) return null;
  const [by, bm, bd] = born.map(Number);
  return (received[0] - by) * 12 + (received[1] - bm) - (received[2] < bd ? 1 : 0);
}
function follow() {
  for (const el of document.querySelectorAll('[data-app-control]')) {
    const control = document.getElementById(el.dataset.appControl);
    if (control) el.classList.toggle('app-follows--hidden', JSON.parse(el.dataset.appHideWhen).includes(control.value));
  }
  for (const el of document.querySelectorAll('[data-app-age-from]')) {
    const control = document.getElementById(el.dataset.appAgeFrom);
    const months = control ? monthsOld(control.value) : null;
    el.classList.toggle('app-follows--hidden', months !== null && months >= Number(el.dataset.appAgeBelowMonths));
  }
}
document.addEventListener('input', follow);
document.addEventListener('change', follow);
follow();
