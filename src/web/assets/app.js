// Progressive enhancement only: every page works without this file.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
import('/ui/govuk-frontend.min.js').then(({ initAll }) => initAll());
