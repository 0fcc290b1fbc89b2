import type { DrawCandidate } from '../../db/repositories/second-screens.repo.js';
import { seededDraw } from '../../lib/agreement/seeded-random.js';
import type { AuthoritySettings } from '../../rules/settings.js';
import { NO_ACTION_OUTCOMES, type Outcome } from '../../schemas/decision.schema.js';

export type Criterion = 'infant_repeat_contact' | 'no_action_share' | 'other_share';

export interface Selection { drawValue: number; criterion: Criterion | null }

/**
 * Whether a decision that stood is drawn for a second screen. The draw is a
 * number in [0, 1) from the authority's seed and the contact's id alone, so
 * it is the same whoever runs the draw and whenever: nobody can pick a
 * contact, or skip one. A child under the age set, on the contact that makes
 * the count set in 12 months, is always drawn.
 */
export function selectForSecondScreen(candidate: DrawCandidate, rules: AuthoritySettings['secondScreening']): Selection {
  const drawValue = seededDraw(rules.seed, candidate.contact_id);
  const infant = rules.infantRepeat;
  if (infant && candidate.youngest_months !== null && candidate.youngest_months < infant.underMonths
    && (candidate.prior_contacts ?? 0) + 1 >= infant.contactsInTwelveMonths) {
    return { drawValue, criterion: 'infant_repeat_contact' };
  }
  if (NO_ACTION_OUTCOMES.includes(candidate.standing_outcome as Outcome)) {
    return { drawValue, criterion: drawValue < rules.noActionShare ? 'no_action_share' : null };
  }
  return { drawValue, criterion: drawValue < rules.otherShare ? 'other_share' : null };
}
