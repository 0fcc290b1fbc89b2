import { PARTNERS } from '../../schemas/codes.js';
import { WITHOUT_CONSENT_REASONS } from '../../schemas/sharing.schema.js';
import { countCell, shareCell, tally } from './cells.js';
import { present } from '../../lib/one-of.js';

interface CheckDecision { partner: string; consent: string; without_consent_reason: string | null }

/**
 * Of the checks whose sharing was decided in the period, the share made
 * without the family's agreement (refused or not sought), by partner, and
 * the reasons given: what an inspection asks when it reads consent practice.
 */
export function sharingWithoutConsent(decisions: readonly CheckDecision[]) {
  const byPartner = tally(PARTNERS);
  for (const d of decisions) byPartner.add(d.partner, d.consent !== 'given');
  const reasons = (rows: readonly CheckDecision[]) => Object.fromEntries(Object.keys(WITHOUT_CONSENT_REASONS)
    .map((reason) => [reason, countCell(rows.filter((r) => r.without_consent_reason === reason).length)]));
  const shares = byPartner.shares();
  const without = decisions.filter((d) => d.consent !== 'given');
  return {
    checks: decisions.length,
    withoutConsent: shareCell(without.length, decisions.length),
    refused: countCell(decisions.filter((d) => d.consent === 'refused').length),
    reasons: reasons(without),
    byPartner: PARTNERS.map((partner) => ({
      partner, withoutConsent: present(shares[partner], 'share'), reasons: reasons(without.filter((d) => d.partner === partner)),
    })),
  };
}
