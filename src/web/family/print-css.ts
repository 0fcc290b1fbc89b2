/** The letter's print stylesheet: only the letter goes on paper, in a readable size, without the service's chrome. */
export const FAMILY_PRINT_CSS = `
.app-letter { max-width: 40em; font-size: 1.1875rem; line-height: 1.5; white-space: pre-line; }
@media print {
  .govuk-header, .govuk-footer, .govuk-service-navigation, .govuk-phase-banner, .govuk-skip-link, .app-no-print { display: none !important; }
  body, .govuk-template__body { background: #fff; }
  .govuk-width-container, .govuk-main-wrapper { margin: 0; padding: 0; max-width: none; }
  .app-letter { font-family: Arial, sans-serif; font-size: 12pt; line-height: 1.6; color: #000; }
  a[href]::after { content: none; }
  @page { margin: 2cm; }
}
`;
