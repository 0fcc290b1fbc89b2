import type { AdultInput } from '../../../src/schemas/contact.schema.js';
import { child, quietContact } from '../../fixtures/contacts.js';
import { baby, describeRuleCases, unborn, type RuleCases } from './rule-pack.harness.js';

/** Unborn children, a sibling's death, and families that move in, move on or cannot be found. */
const mother: AdultInput = { role: 'mother', livesWithChild: true, checksCompleted: true };
const sexOffender: AdultInput = { role: 'partner', sexualRiskToChildren: true, livesWithChild: true, checksCompleted: true };
const sexOffenderAway: AdultInput = { ...sexOffender, livesWithChild: false, hasAccessToChild: false };
const siblingDied = { siblingUnexplainedDeath: true };
const movedIn = '2026-10-01';

const cases: RuleCases = {
  'pre-birth-risk': {
    fires: [
      { name: 'domestic abuse', contact: quietContact({ household: { domesticAbuse: true }, children: [unborn()] }) },
      { name: 'parental substance misuse', contact: quietContact({ household: { substanceMisuse: true }, children: [unborn()] }) },
      { name: 'a concealed pregnancy', contact: quietContact({ concealedPregnancy: true, children: [unborn()] }) },
      { name: 'a father who poses a risk, not living with the mother', contact: quietContact({ adults: [mother, sexOffenderAway], children: [unborn()] }) },
    ],
    doesNotFire: [
      { name: 'no risk factor', contact: quietContact({ children: [unborn()] }) },
      { name: 'domestic abuse with a baby already born', contact: quietContact({ household: { domesticAbuse: true }, children: [baby()] }) },
    ],
  },
  'pre-birth-strategy': {
    fires: [
      { name: 'a child previously removed', contact: quietContact({ children: [unborn({ history: { previousChildRemoved: true } })] }) },
      { name: 'a partner with a sexual offence against a child, living with the mother', contact: quietContact({ adults: [mother, sexOffender], children: [unborn()] }) },
      { name: 'a concealed pregnancy and substance misuse', contact: quietContact({ concealedPregnancy: true, household: { substanceMisuse: true }, children: [unborn()] }) },
    ],
    doesNotFire: [
      { name: 'a concealed pregnancy alone', contact: quietContact({ concealedPregnancy: true, children: [unborn()] }) },
      { name: 'domestic abuse alone', contact: quietContact({ household: { domesticAbuse: true }, children: [unborn()] }) },
      { name: 'the same partner with no access', contact: quietContact({ adults: [mother, sexOffenderAway], children: [unborn()] }) },
      { name: 'a child previously removed, the baby already born', contact: quietContact({ children: [baby({ history: { previousChildRemoved: true } })] }) },
    ],
  },
  'sibling-death': {
    fires: [
      { name: 'a six-year-old whose brother died', contact: quietContact({ children: [child({ history: siblingDied })] }) },
      { name: 'a baby whose sister died, nothing alleged', contact: quietContact({ children: [baby({ history: siblingDied })] }) },
    ],
    doesNotFire: [
      { name: 'a baby whose sister died, physical abuse alleged (the harm-suspected rule instead)', contact: quietContact({ concerns: ['18C'], children: [baby({ history: siblingDied })] }) },
      { name: 'no sibling death', contact: quietContact({ children: [child({ history: { siblingUnexplainedDeath: false } })] }) },
    ],
  },
  'sibling-death-harm-suspected': {
    fires: [
      { name: 'a baby, physical abuse alleged', contact: quietContact({ concerns: ['18C'], children: [baby({ history: siblingDied })] }) },
      { name: 'a baby, a sibling on a plan', contact: quietContact({ children: [baby({ history: { ...siblingDied, siblingCpPlan: true } })] }) },
      { name: 'a concealed pregnancy', contact: quietContact({ concealedPregnancy: true, children: [unborn({ history: siblingDied })] }) },
    ],
    doesNotFire: [
      { name: 'a baby, nothing alleged', contact: quietContact({ children: [baby({ history: siblingDied })] }) },
      { name: 'a six-year-old, physical abuse alleged', contact: quietContact({ concerns: ['18C'], children: [child({ history: siblingDied })] }) },
    ],
  },
  'moved-in-with-cp-plan': {
    fires: [{ name: 'moved in on a CP plan', contact: quietContact({ movement: { movedIntoAreaOn: movedIn, planInPreviousAuthority: 'cp' } }) }],
    doesNotFire: [
      { name: 'moved in with no plan', contact: quietContact({ movement: { movedIntoAreaOn: movedIn, planInPreviousAuthority: 'none' } }) },
      { name: 'moved in on a CiN plan', contact: quietContact({ movement: { movedIntoAreaOn: movedIn, planInPreviousAuthority: 'cin' } }) },
    ],
  },
  'moved-in-with-cin-plan': {
    fires: [
      { name: 'moved in on a CiN plan', contact: quietContact({ movement: { previousAuthority: 'E06000055', planInPreviousAuthority: 'cin' } }) },
      { name: 'moved in with early help', contact: quietContact({ movement: { movedIntoAreaOn: movedIn, planInPreviousAuthority: 'early_help' } }) },
    ],
    doesNotFire: [
      { name: 'a plan named without any move', contact: quietContact({ movement: { planInPreviousAuthority: 'cin' } }) },
      { name: 'moved in on a CP plan', contact: quietContact({ movement: { movedIntoAreaOn: movedIn, planInPreviousAuthority: 'cp' } }) },
    ],
  },
  'moved-to-avoid-services': {
    fires: [
      { name: 'left without notice, the case open', contact: quietContact({ movement: { movedToAvoidServices: true }, children: [child({ history: { cinCurrent: true } })] }) },
      { name: 'whereabouts unknown, a previous plan', contact: quietContact({ movement: { whereaboutsKnown: false }, children: [child({ history: { cpPlanPrevious: true } })] }) },
      { name: 'moved in on a CP plan, then left without notice', contact: quietContact({ movement: { movedIntoAreaOn: movedIn, planInPreviousAuthority: 'cp', movedToAvoidServices: true } }) },
    ],
    doesNotFire: [
      { name: 'left without notice, no history', contact: quietContact({ movement: { movedToAvoidServices: true } }) },
      { name: 'whereabouts known, a previous plan', contact: quietContact({ movement: { whereaboutsKnown: true }, children: [child({ history: { cpPlanPrevious: true } })] }) },
    ],
  },
};

describeRuleCases('unborn children, a sibling’s death, families who move', cases);
