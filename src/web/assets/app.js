// Progressive enhancement only: every page works without this file.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
import('/ui/govuk-frontend.min.js').then(({ initAll }) => initAll()).catch(() => { /* the pages work without it */ });

// Questions hidden under an option that is not chosen are not sent: what the
// screener sees is what is recorded. Without this script every question shows
// and every answer given is sent.
document.addEventListener('submit', (event) => {
  const hidden = event.target.querySelectorAll('.govuk-checkboxes__conditional--hidden, .govuk-radios__conditional--hidden');
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
