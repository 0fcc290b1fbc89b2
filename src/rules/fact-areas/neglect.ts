import type { AreaContext } from './context.js';

/** Neglect and infant safety (NICE CG89; CSPR Panel, Out of routine, 2020). */
export const NEGLECT_FACTS = {
  wasNotBrought: 'Health appointments a child was not brought to in the last 12 months',
  emergencyAttendances: 'Emergency department attendances in the last 12 months',
  unsafeSleepIntoxicatedCarer: 'An infant sleeps with a carer who has been drinking or taking drugs',
  basicNeedsUnmet: 'Food, warmth, hygiene or supervision are seriously lacking now',
} as const;

export function neglectFacts({ input }: AreaContext) {
  const n = input.neglect ?? {};
  return {
    wasNotBrought: n.wasNotBrought ?? 0,
    emergencyAttendances: n.emergencyAttendances ?? 0,
    unsafeSleepIntoxicatedCarer: n.unsafeSleepIntoxicatedCarer === true,
    basicNeedsUnmet: n.basicNeedsUnmet === true,
  };
}
