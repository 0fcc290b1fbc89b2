import { daysFrom, soonest, type AreaContext } from './context.js';

/** Pre-birth, and children known elsewhere (London CP procedures; transfer-in procedures; WT 2023). */
export const BIRTH_AND_MOVEMENT_FACTS = {
  daysToDueDate: 'Days until the nearest expected date of birth (null if no unborn child)',
  concealedPregnancy: 'The pregnancy was concealed or booked late',
  movedToAvoidServices: 'The family’s move appears intended to avoid services',
  whereaboutsUnknown: 'The family’s current address is not known',
  planBreached: 'A protection plan, agreement or order has been breached',
} as const;

export function birthAndMovementFacts({ input, receivedDate }: AreaContext) {
  const movement = input.movement ?? {};
  return {
    daysToDueDate: soonest(input.children.map((c) => daysFrom(receivedDate, c.expectedDateOfBirth))),
    concealedPregnancy: input.concealedPregnancy === true,
    movedToAvoidServices: movement.movedToAvoidServices === true,
    whereaboutsUnknown: movement.whereaboutsKnown === false,
    planBreached: movement.planBreached === true,
  };
}
