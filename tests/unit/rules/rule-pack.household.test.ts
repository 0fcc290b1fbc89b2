import type { AdultInput } from '../../../src/schemas/contact.schema.js';
import { quietContact } from '../../fixtures/contacts.js';
import { BORN, aged, baby, describeRuleCases, unborn, type RuleCases } from './rule-pack.harness.js';

/** The household: domestic abuse, parental mental illness, adults who pose a risk, plans breached, neglect and infant sleep. */
const DA = { domesticAbuse: true };
const mother: AdultInput = { role: 'mother', livesWithChild: true, checksCompleted: true };
const sexOffender: AdultInput = { role: 'partner', sexualRiskToChildren: true, livesWithChild: true, checksCompleted: true };
const sexOffenderAway: AdultInput = { ...sexOffender, livesWithChild: false, hasAccessToChild: false };
const newViolentPartner: AdultInput = { role: 'partner', newToHousehold: true, violenceHistory: true, checksCompleted: true };
const psychosis = { psychoticFeatures: true, refusingTreatment: true };
const unsafeSleep = { unsafeSleepIntoxicatedCarer: true };

const cases: RuleCases = {
  'domestic-abuse': {
    fires: [
      { name: 'domestic abuse in the household', contact: quietContact({ household: DA }) },
      { name: 'CIN 3A', contact: quietContact({ concerns: ['3A'] }) },
    ],
    doesNotFire: [
      { name: 'domestic abuse already acted on', contact: quietContact({ household: DA, alreadyActedOn: true }) },
      { name: 'parental substance misuse only', contact: quietContact({ household: { domesticAbuse: false, substanceMisuse: true } }) },
    ],
  },
  'domestic-abuse-young-child': {
    fires: [
      { name: 'domestic abuse with a four-year-old', contact: quietContact({ household: DA, children: [aged(BORN.years4)] }) },
      { name: 'domestic abuse in a pregnancy', contact: quietContact({ household: DA, children: [unborn()] }) },
    ],
    doesNotFire: [
      { name: 'domestic abuse with a six-year-old', contact: quietContact({ household: DA }) },
      { name: 'domestic abuse with a four-year-old, already acted on', contact: quietContact({ household: DA, alreadyActedOn: true, children: [aged(BORN.years4)] }) },
    ],
  },
  'domestic-abuse-high-risk': {
    fires: [
      { name: 'DASH high', contact: quietContact({ household: DA, domesticAbuseDetail: { dashRisk: 'high' } }) },
      { name: 'non-fatal strangulation', contact: quietContact({ household: DA, domesticAbuseDetail: { dashRisk: 'medium', strangulation: true } }) },
      { name: 'a weapon', contact: quietContact({ household: DA, domesticAbuseDetail: { weapon: true } }) },
    ],
    doesNotFire: [
      { name: 'DASH medium, no strangulation or weapon', contact: quietContact({ household: DA, domesticAbuseDetail: { dashRisk: 'medium', strangulation: false, weapon: false } }) },
      { name: 'DASH high, already acted on', contact: quietContact({ household: DA, domesticAbuseDetail: { dashRisk: 'high' }, alreadyActedOn: true }) },
    ],
  },
  'domestic-abuse-child-hurt': {
    fires: [{ name: 'a child hurt in the incident', contact: quietContact({ household: DA, domesticAbuseDetail: { childHurt: true, childPresent: true } }) }],
    doesNotFire: [{ name: 'a child present, not hurt', contact: quietContact({ household: DA, domesticAbuseDetail: { childHurt: false, childPresent: true } }) }],
  },
  'psychosis-with-young-child': {
    fires: [
      { name: 'psychosis, refusing treatment, a three-year-old', contact: quietContact({ mentalHealthDetail: psychosis, children: [aged(BORN.years3)] }) },
      { name: 'psychosis in treatment, a baby, no protective adult known', contact: quietContact({ mentalHealthDetail: { ...psychosis, refusingTreatment: false }, children: [baby()] }) },
    ],
    doesNotFire: [
      { name: 'the same with a protective adult at home', contact: quietContact({ mentalHealthDetail: psychosis, protectiveAdultPresent: true, children: [aged(BORN.years3)] }) },
      { name: 'the same with a six-year-old', contact: quietContact({ mentalHealthDetail: psychosis }) },
      { name: 'psychosis in treatment, a three-year-old', contact: quietContact({ mentalHealthDetail: { ...psychosis, refusingTreatment: false }, children: [aged(BORN.years3)] }) },
    ],
  },
  'mental-illness-aimed-at-child': {
    fires: [{ name: 'voices telling a parent to harm the child', contact: quietContact({ mentalHealthDetail: { psychoticFeatures: true, beliefsAboutChild: true } }) }],
    doesNotFire: [{ name: 'psychosis, nothing aimed at the child', contact: quietContact({ mentalHealthDetail: { psychoticFeatures: true, beliefsAboutChild: false } }) }],
  },
  'person-posing-risk': {
    fires: [
      { name: 'a partner with a sexual offence against a child, living with the child', contact: quietContact({ adults: [mother, sexOffender] }) },
      { name: 'a lodger who has harmed a child, with access', contact: quietContact({ adults: [mother, { role: 'lodger', harmedChildBefore: true, hasAccessToChild: true, checksCompleted: true }] }) },
      { name: 'a MAPPA-managed father released to the home next week', contact: quietContact({ adults: [mother, { role: 'father', managedUnderMappa: true, inCustody: true, releaseOrMoveInOn: '2026-12-01', checksCompleted: true }] }) },
    ],
    doesNotFire: [
      { name: 'the same partner with no access to the child', contact: quietContact({ adults: [mother, sexOffenderAway] }) },
      { name: 'a partner living with the child, no risk known', contact: quietContact({ adults: [mother, { ...sexOffender, sexualRiskToChildren: false }] }) },
    ],
  },
  'person-posing-risk-with-baby': {
    fires: [
      { name: 'with a baby', contact: quietContact({ adults: [mother, sexOffender], children: [baby()] }) },
      { name: 'in a pregnancy', contact: quietContact({ adults: [mother, sexOffender], children: [unborn()] }) },
      { name: 'with a three-year-old who is not independently mobile', contact: quietContact({ adults: [mother, sexOffender], children: [aged(BORN.years3, { mobility: 'not_independently_mobile', disability: true })] }) },
    ],
    doesNotFire: [
      { name: 'with a six-year-old', contact: quietContact({ adults: [mother, sexOffender] }) },
      { name: 'with a baby, the adult having no access', contact: quietContact({ adults: [mother, sexOffenderAway], children: [baby()] }) },
    ],
  },
  'new-violent-adult': {
    fires: [
      { name: 'a new partner with a history of violence', contact: quietContact({ adults: [mother, newViolentPartner] }) },
      { name: 'a father who harmed a child, moving in next week', contact: quietContact({ adults: [mother, { role: 'father', harmedChildBefore: true, releaseOrMoveInOn: '2026-12-01', checksCompleted: true }] }) },
    ],
    doesNotFire: [
      { name: 'a violent partner who already lives there', contact: quietContact({ adults: [mother, { ...newViolentPartner, newToHousehold: false, livesWithChild: true }] }) },
      { name: 'a new partner with no violence known', contact: quietContact({ adults: [mother, { ...newViolentPartner, violenceHistory: false }] }) },
    ],
  },
  'new-violent-adult-with-baby': {
    fires: [{ name: 'a new violent partner with a baby', contact: quietContact({ adults: [mother, newViolentPartner], children: [baby()] }) }],
    doesNotFire: [
      { name: 'a new violent partner with a six-year-old', contact: quietContact({ adults: [mother, newViolentPartner] }) },
      { name: 'a new partner who has harmed a child, with a baby (the person-posing-risk rule instead)', contact: quietContact({ adults: [mother, { ...newViolentPartner, harmedChildBefore: true }], children: [baby()] }) },
    ],
  },
  'plan-breached': {
    fires: [
      { name: 'a written agreement breached', contact: quietContact({ movement: { planBreached: true } }) },
      { name: 'a father kept away by the plan, living with the child', contact: quietContact({ adults: [mother, { role: 'father', excludedByPlan: true, livesWithChild: true, checksCompleted: true }] }) },
    ],
    doesNotFire: [
      { name: 'the plan kept', contact: quietContact({ movement: { planBreached: false } }) },
      { name: 'a father kept away by the plan, with no access', contact: quietContact({ adults: [mother, { role: 'father', excludedByPlan: true, livesWithChild: false, hasAccessToChild: false, checksCompleted: true }] }) },
    ],
  },
  'allegation-against-child-worker': {
    fires: [{ name: 'a sports coach alleged to have hurt the child', contact: quietContact({ concerns: ['18C'], adults: [mother, { role: 'other', allegedPerpetrator: true, worksWithChildren: true, livesWithChild: false }] }) }],
    doesNotFire: [
      { name: 'an alleged perpetrator who does not work with children', contact: quietContact({ concerns: ['18C'], adults: [mother, { role: 'other', allegedPerpetrator: true, worksWithChildren: false, livesWithChild: false }] }) },
      { name: 'a mother who works with children, not alleged to have harmed', contact: quietContact({ concerns: ['18C'], adults: [{ ...mother, worksWithChildren: true, allegedPerpetrator: false }] }) },
    ],
  },
  'unsafe-sleep': {
    fires: [{ name: 'a baby sleeping with a drunk carer', contact: quietContact({ neglect: unsafeSleep, children: [baby()] }) }],
    doesNotFire: [{ name: 'a baby, the carer sober', contact: quietContact({ neglect: { unsafeSleepIntoxicatedCarer: false }, children: [baby()] }) }],
  },
  'unsafe-sleep-with-harm': {
    fires: [
      { name: 'with domestic abuse', contact: quietContact({ neglect: unsafeSleep, household: DA, children: [baby()] }) },
      { name: 'with no protective adult', contact: quietContact({ neglect: unsafeSleep, protectiveAdultPresent: false, children: [baby()] }) },
      { name: 'with a sibling previously on a plan', contact: quietContact({ neglect: unsafeSleep, children: [baby({ history: { siblingCpPlan: true } })] }) },
    ],
    doesNotFire: [
      { name: 'unsafe sleep alone', contact: quietContact({ neglect: unsafeSleep, children: [baby()] }) },
      { name: 'whether a protective adult is present not known', contact: quietContact({ neglect: unsafeSleep, protectiveAdultPresent: null, children: [baby()] }) },
      { name: 'with a protective adult', contact: quietContact({ neglect: unsafeSleep, protectiveAdultPresent: true, children: [baby()] }) },
    ],
  },
  'basic-needs-unmet': {
    fires: [{ name: 'no food or heating now', contact: quietContact({ concerns: ['16A'], neglect: { basicNeedsUnmet: true } }) }],
    doesNotFire: [{ name: 'neglect alleged, basic needs met now', contact: quietContact({ concerns: ['16A'], neglect: { basicNeedsUnmet: false } }) }],
  },
  'neglect-of-baby': {
    fires: [{ name: 'neglect alleged of a baby', contact: quietContact({ concerns: ['16A'], children: [baby()] }) }],
    doesNotFire: [
      { name: 'neglect alleged of a six-year-old', contact: quietContact({ concerns: ['16A'] }) },
      { name: 'neglect alleged in a pregnancy (the pre-birth rules instead)', contact: quietContact({ concerns: ['16A'], children: [unborn()] }) },
      { name: 'neglect of a baby, already acted on', contact: quietContact({ concerns: ['16A'], alreadyActedOn: true, children: [baby()] }) },
    ],
  },
  'medical-neglect': {
    fires: [{ name: 'three missed appointments and three A&E attendances', contact: quietContact({ neglect: { wasNotBrought: 3, emergencyAttendances: 3 } }) }],
    doesNotFire: [
      { name: 'three missed appointments, two A&E attendances', contact: quietContact({ neglect: { wasNotBrought: 3, emergencyAttendances: 2 } }) },
      { name: 'two missed appointments, three A&E attendances', contact: quietContact({ neglect: { wasNotBrought: 2, emergencyAttendances: 3 } }) },
    ],
  },
  'missed-health-care': {
    fires: [
      { name: 'two missed appointments', contact: quietContact({ neglect: { wasNotBrought: 2 } }) },
      { name: 'three A&E attendances', contact: quietContact({ neglect: { emergencyAttendances: 3 } }) },
    ],
    doesNotFire: [{ name: 'one missed appointment, two A&E attendances', contact: quietContact({ neglect: { wasNotBrought: 1, emergencyAttendances: 2 } }) }],
  },
};

describeRuleCases('the household: domestic abuse, mental illness, adults who pose a risk, neglect', cases);
