import type { ContactInput } from '../../schemas/contact.schema.js';

/**
 * A contact as a partner system written against the first contract would
 * send it: only the fields API v1 named, the rest not known. Measuring the
 * pack on this view shows what it does when the detail is not there.
 */
const V1 = {
  contact: ['receivedAt', 'channel', 'immediateDanger', 'referrer', 'children', 'adults', 'concerns', 'physicalPunishmentReported',
    'fabricatedOrInducedIllness', 'evidenceHeld', 'household', 'movement', 'narrative'],
  child: ['personId', 'nhsNumber', 'givenName', 'familyName', 'dateOfBirth', 'expectedDateOfBirth', 'sex', 'ethnicity', 'mobility',
    'disability', 'communicates', 'disclosure', 'injuries', 'history'],
  history: ['cpPlanCurrent', 'cpPlanPrevious', 'cinCurrent', 'cinPrevious', 'lookedAfterCurrent', 'previousS47', 'siblingCpPlan', 'previousChildRemoved'],
  injury: ['type', 'sites', 'pattern', 'explanation', 'explanationAssessment', 'healthConfirmedNonInflicted'],
  adult: ['role', 'personId', 'livesWithChild', 'newToHousehold', 'violenceHistory', 'inCustody', 'checksCompleted', 'allegedPerpetrator'],
  movement: ['movedIntoAreaOn', 'previousAuthority', 'planInPreviousAuthority', 'previousAuthorityNotified'],
} as const;

function pick<T extends object>(value: T, keys: readonly string[]): T {
  return Object.fromEntries(Object.entries(value).filter(([k]) => keys.includes(k))) as T;
}

export function asV1(body: ContactInput): ContactInput {
  const contact = pick(body, V1.contact);
  return {
    ...contact,
    children: body.children.map((c) => ({
      ...pick(c, V1.child),
      ...(c.history ? { history: pick(c.history, V1.history) } : {}),
      ...(c.injuries ? { injuries: c.injuries.map((i) => pick(i, V1.injury)) } : {}),
    })),
    ...(body.adults ? { adults: body.adults.map((a) => pick(a, V1.adult)) } : {}),
    ...(body.movement ? { movement: pick(body.movement, V1.movement) } : {}),
  };
}
