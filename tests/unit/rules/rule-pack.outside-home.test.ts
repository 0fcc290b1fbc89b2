import { child, quietContact } from '../../fixtures/contacts.js';
import { BORN, aged, describeRuleCases, unborn, type RuleCases } from './rule-pack.harness.js';

/** Harm outside the home (exploitation, trafficking), honour-based abuse, sexual abuse, and children who need a place to live. */
const teen = (overrides = {}) => aged(BORN.years12, overrides);
const sixteen = (overrides = {}) => aged(BORN.years16, overrides);
const fgmTravel = '2026-12-20';

const cases: RuleCases = {
  'exploitation': {
    fires: [
      { name: 'found with drugs and cash', contact: quietContact({ exploitation: { drugsOrCash: true }, children: [teen()] }) },
      { name: 'missing three times this year', contact: quietContact({ children: [teen({ missingEpisodesLast12Months: 3 })] }) },
      { name: 'threatened with the sharing of sexual images', contact: quietContact({ exploitation: { onlineSexualExtortion: true }, children: [teen()] }) },
    ],
    doesNotFire: [
      { name: 'missing twice this year', contact: quietContact({ children: [teen({ missingEpisodesLast12Months: 2 })] }) },
      { name: 'speaks of self-harm, no sign of exploitation', contact: quietContact({ exploitation: { suicidalThoughts: true, drugsOrCash: false }, children: [teen()] }) },
    ],
  },
  'exploitation-code-only': {
    fires: [
      { name: 'CSE raised about a twelve-year-old with nothing else recorded', contact: quietContact({ concerns: ['11A'], children: [teen()] }) },
      { name: 'trafficking raised about a child living with family', contact: quietContact({ concerns: ['12A'], children: [teen()] }) },
    ],
    doesNotFire: [
      { name: 'the signs were asked about and none found', contact: quietContact({ concerns: ['11A'], exploitation: { foundWithUnknownAdults: false }, children: [teen()] }) },
      { name: 'missing episodes recorded', contact: quietContact({ concerns: ['11A'], children: [teen({ missingEpisodesLast12Months: 1 })] }) },
      { name: 'an unaccompanied child (accommodation and the NRM instead)', contact: quietContact({ concerns: ['12A'], children: [teen({ unaccompanied: true })] }) },
      { name: 'the case already open', contact: quietContact({ concerns: ['11A'], children: [teen({ history: { cinCurrent: true } })] }) },
    ],
  },
  'exploitation-concern': {
    fires: [
      { name: 'CCE raised about a twelve-year-old', contact: quietContact({ concerns: ['24A'], children: [teen()] }) },
      { name: 'CCE raised about a ten-year-old', contact: quietContact({ concerns: ['24A'], children: [aged(BORN.years10)] }) },
      { name: 'missing (10A) twice, a six-year-old', contact: quietContact({ concerns: ['10A'], children: [child({ missingEpisodesLast12Months: 2 })] }) },
    ],
    doesNotFire: [
      { name: 'CCE raised about a nine-year-old missing once', contact: quietContact({ concerns: ['24A'], children: [aged(BORN.years9, { missingEpisodesLast12Months: 1 })] }) },
      { name: 'with signs of exploitation (the exploitation rule instead)', contact: quietContact({ concerns: ['24A'], exploitation: { drugsOrCash: true }, children: [teen()] }) },
      { name: 'the case already open', contact: quietContact({ concerns: ['24A'], children: [teen({ history: { cinCurrent: true } })] }) },
      { name: 'already acted on', contact: quietContact({ concerns: ['24A'], alreadyActedOn: true, children: [teen()] }) },
    ],
  },
  'trafficking': {
    fires: [
      { name: 'CIN 12A', contact: quietContact({ concerns: ['12A'], children: [teen()] }) },
      { name: 'an unaccompanied child found with unknown adults', contact: quietContact({ exploitation: { foundWithUnknownAdults: true }, children: [teen({ unaccompanied: true })] }) },
      { name: 'CCE with drugs and cash', contact: quietContact({ concerns: ['24A'], exploitation: { drugsOrCash: true }, children: [teen()] }) },
    ],
    doesNotFire: [
      { name: 'an unaccompanied child, no sign of exploitation', contact: quietContact({ children: [teen({ unaccompanied: true })] }) },
      { name: 'CCE raised, no sign of exploitation', contact: quietContact({ concerns: ['24A'], children: [teen()] }) },
      { name: 'drugs and cash, no extra-familial concern raised', contact: quietContact({ exploitation: { drugsOrCash: true }, children: [teen()] }) },
    ],
  },
  'fgm': {
    fires: [{ name: 'CIN 22A about a girl', contact: quietContact({ concerns: ['22A'], children: [child({ sex: 'F' })] }) }],
    doesNotFire: [
      { name: 'CIN 22A in a pregnancy (the mother’s own FGM)', contact: quietContact({ concerns: ['22A'], children: [unborn()] }) },
      { name: 'CIN 23A', contact: quietContact({ concerns: ['23A'] }) },
    ],
  },
  'fgm-risk': {
    fires: [{ name: 'at risk, travelling abroad next month', contact: quietContact({ honourBasedAbuse: { fgmRisk: true, travelAbroadOn: fgmTravel }, children: [child({ sex: 'F' })] }) }],
    doesNotFire: [{ name: 'travelling abroad, no risk of FGM known', contact: quietContact({ honourBasedAbuse: { fgmRisk: false, travelAbroadOn: fgmTravel }, children: [child({ sex: 'F' })] }) }],
  },
  'forced-marriage-or-honour-violence': {
    fires: [
      { name: 'a forced marriage planned', contact: quietContact({ honourBasedAbuse: { forcedMarriage: true }, children: [sixteen()] }) },
      { name: 'threats to protect the family’s honour', contact: quietContact({ honourBasedAbuse: { honourBasedViolence: true }, children: [sixteen()] }) },
    ],
    doesNotFire: [{ name: 'travelling abroad, neither feared', contact: quietContact({ honourBasedAbuse: { forcedMarriage: false, honourBasedViolence: false, travelAbroadOn: fgmTravel }, children: [sixteen()] }) }],
  },
  'sexual-abuse-disclosure': {
    fires: [
      { name: 'a disclosure of sexual abuse', contact: quietContact({ children: [child({ disclosure: true, disclosureKind: 'sexual' })] }) },
      { name: 'a disclosure of no named kind with 19C ticked', contact: quietContact({ concerns: ['19C'], children: [child({ disclosure: true })] }) },
    ],
    doesNotFire: [
      { name: 'the same disclosure, already acted on', contact: quietContact({ children: [child({ disclosure: true, disclosureKind: 'sexual', disclosureAlreadyActedOn: true })] }) },
      { name: 'a disclosure of physical abuse', contact: quietContact({ children: [child({ disclosure: true, disclosureKind: 'physical' })] }) },
    ],
  },
  'sexual-abuse-corroborated': {
    fires: [
      { name: '19C with a medical report', contact: quietContact({ concerns: ['19C'], evidenceHeld: ['medical_report'] }) },
      { name: '19C with a disclosure', contact: quietContact({ concerns: ['19C'], children: [child({ disclosure: true, disclosureKind: 'sexual' })] }) },
      { name: '19B with sexual extortion online', contact: quietContact({ concerns: ['19B'], exploitation: { onlineSexualExtortion: true }, children: [teen()] }) },
      { name: '19C with a twelve-year-old sexually active', contact: quietContact({ concerns: ['19C'], children: [teen({ sexualActivityReported: true })] }) },
    ],
    doesNotFire: [
      { name: '19C alone', contact: quietContact({ concerns: ['19C'] }) },
      { name: '19C with a medical report, already acted on', contact: quietContact({ concerns: ['19C'], evidenceHeld: ['medical_report'], alreadyActedOn: true }) },
      { name: 'a medical report with no sexual abuse alleged', contact: quietContact({ concerns: ['17A'], evidenceHeld: ['medical_report'] }) },
    ],
  },
  'sexual-activity-under-13': {
    fires: [{ name: 'sexually active, a day short of thirteen', contact: quietContact({ children: [aged(BORN.years12Months11, { sexualActivityReported: true })] }) }],
    doesNotFire: [
      { name: 'sexually active, thirteen today', contact: quietContact({ children: [aged(BORN.years13, { sexualActivityReported: true })] }) },
      { name: 'twelve, no sexual activity reported', contact: quietContact({ children: [aged(BORN.years12Months11, { sexualActivityReported: false })] }) },
    ],
  },
  'unaccompanied-child': {
    fires: [
      { name: 'a sixteen-year-old with no parent in the UK', contact: quietContact({ adults: [], children: [sixteen({ unaccompanied: true })] }) },
      { name: 'CIN 9A', contact: quietContact({ concerns: ['9A'], adults: [], children: [sixteen()] }) },
    ],
    doesNotFire: [{ name: 'a sixteen-year-old whose parents are here', contact: quietContact({ children: [sixteen({ unaccompanied: false })] }) }],
  },
  'homeless-young-person': {
    fires: [{ name: 'a sixteen-year-old asked to leave home', contact: quietContact({ children: [sixteen({ homeless: true })] }) }],
    doesNotFire: [{ name: 'a sixteen-year-old still housed', contact: quietContact({ children: [sixteen({ homeless: false })] }) }],
  },
  'accommodation-tonight': {
    fires: [{ name: 'nowhere safe to sleep tonight', contact: quietContact({ children: [sixteen({ homeless: true, needsAccommodationTonight: true })] }) }],
    doesNotFire: [{ name: 'about to be homeless, somewhere to sleep tonight', contact: quietContact({ children: [sixteen({ homeless: true, needsAccommodationTonight: false })] }) }],
  },
  'private-fostering': {
    fires: [
      { name: 'living with a family friend for two months', contact: quietContact({ children: [child({ privatelyFostered: true })] }) },
      { name: 'CIN 8B', contact: quietContact({ concerns: ['8B'] }) },
    ],
    doesNotFire: [
      { name: 'living with a parent', contact: quietContact({ children: [child({ privatelyFostered: false })] }) },
      { name: 'a young carer (7A)', contact: quietContact({ concerns: ['7A'] }) },
    ],
  },
};

describeRuleCases('harm outside the home, honour-based and sexual abuse, somewhere to live', cases);
