import { CONSENT_POSITIONS, LAWFUL_BASES, WITHOUT_CONSENT_REASONS } from '../../schemas/sharing.schema.js';

const pick = (table: Record<string, string>, key: unknown) => (typeof key === 'string' ? table[key] ?? key : '');

/** The line a trail event about information sharing adds: partner, basis, agreement and who decided. Nothing for other events. */
export function SharingEventLine({ detail }: { detail: Record<string, unknown> }) {
  if (typeof detail.sharingId !== 'string') return null;
  const reason = detail.withoutConsentReason ? ` (${pick(WITHOUT_CONSENT_REASONS, detail.withoutConsentReason)})` : '';
  return (
    <p class="govuk-body-s app-sharing-event">
      {String(detail.partner).replace(/_/g, ' ')}: {pick(LAWFUL_BASES, detail.lawfulBasis)}; {pick(CONSENT_POSITIONS, detail.consent)}{reason}; decided by {String(detail.decidedBy)}
    </p>
  );
}
