import { daysFrom, soonest, type AreaContext } from './context.js';

/** People who pose a risk to children (CSPR Panel, The Myth of Invisible Men, 2021; WT 2023). */
export const PEOPLE_FACTS = {
  adultPosingRisk: 'An adult has harmed a child before (conviction, caution or finding), has a sexual risk to children, or is managed under MAPPA',
  adultPosingSexualRisk: 'An adult has a sexual offence against a child, is a registered sex offender, or is managed under MAPPA',
  adultPosingRiskWithAccess: 'Such an adult lives with the child, has or will have access to the child, or is moving in or being released',
  newViolentAdult: 'An adult with a history of violence or of harming a child is new to the household or about to join it',
  daysToRelease: 'Days until an adult leaves custody or moves into the household (negative when it has happened; null if none)',
  perpetratorHasAccess: 'The alleged perpetrator lives with the child or has access within 24 hours (null when not known)',
  allegationAgainstChildWorker: 'The alleged perpetrator works or volunteers with children',
  excludedAdultPresent: 'An adult whom a plan, agreement or order keeps from the child lives with or has access to the child',
} as const;

export function peopleFacts({ input, receivedDate }: AreaContext) {
  const adults = input.adults ?? [];
  const posesRisk = (a: (typeof adults)[number]) => a.harmedChildBefore === true || a.sexualRiskToChildren === true || a.managedUnderMappa === true;
  const joining = (a: (typeof adults)[number]) => a.newToHousehold === true || !!a.releaseOrMoveInOn;
  const access = (a: (typeof adults)[number]) => a.livesWithChild === true || a.hasAccessToChild === true || joining(a);
  const perpetrators = adults.filter((a) => a.allegedPerpetrator === true);
  const perpetratorAccess = perpetrators.some(access) ? true
    : perpetrators.length && perpetrators.every((a) => a.livesWithChild === false && a.hasAccessToChild === false) ? false : null;
  return {
    adultPosingRisk: adults.some(posesRisk),
    adultPosingSexualRisk: adults.some((a) => a.sexualRiskToChildren === true || a.managedUnderMappa === true),
    adultPosingRiskWithAccess: adults.some((a) => posesRisk(a) && access(a)),
    newViolentAdult: adults.some((a) => joining(a) && (a.violenceHistory === true || posesRisk(a))),
    daysToRelease: soonest(adults.map((a) => daysFrom(receivedDate, a.releaseOrMoveInOn))),
    perpetratorHasAccess: perpetratorAccess,
    allegationAgainstChildWorker: perpetrators.some((a) => a.worksWithChildren === true),
    excludedAdultPresent: adults.some((a) => a.excludedByPlan === true && (a.livesWithChild === true || a.hasAccessToChild === true)),
  };
}
