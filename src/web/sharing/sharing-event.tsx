import { CONSENT_POSITIONS, LAWFUL_BASES, WITHOUT_CONSENT_REASONS } from '../../schemas/sharing.schema.js';
import { partnerWords, type PartnerNames } from '../code-words.js';

const pick = (table: Record<string, string>, key: unknown) => (typeof key === 'string' ? table[key] ?? key : '');

/** The line a trail event about information sharing adds: partner, basis, agreement and who decided. Nothing for other events. */
export function SharingEventLine({ detail, names = {} }: { detail: Record<string, unknown>; names?: PartnerNames }) {
  if (typeof detail.sharingId !== 'string') return null;
  const reason = detail.withoutConsentReason ? ` (${pick(WITHOUT_CONSENT_REASONS, detail.withoutConsentReason)})` : '';
  return (
    <p class="govuk-body-s app-sharing-event">
      {partnerWords(names, detail.partner)}: {pick(LAWFUL_BASES, detail.lawfulBasis)}; {pick(CONSENT_POSITIONS, detail.consent)}{reason}; decided by {String(detail.decidedBy)}
    </p>
  );
}
