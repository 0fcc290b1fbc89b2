import type { ChildInput } from '../../../src/schemas/contact.schema.js';
import { child, quietContact } from '../../fixtures/contacts.js';
import { BORN, aged, baby, bruise, describeRuleCases, unborn, type RuleCases } from './rule-pack.harness.js';

/** Injuries, physical abuse and its disclosure, physical punishment, minimising language, fabricated or induced illness. */
const hit: Partial<ChildInput> = { disclosure: true, disclosureKind: 'physical', disclosureAbout: 'parent_or_carer' };
const burn = { type: 'burn' as const, sites: ['hand' as const], explanation: 'iron', explanationAssessment: 'consistent' as const };
const noAggravation = { implement: false, toHead: false, repeated: false };

const cases: RuleCases = {
  'non-mobile-injury': {
    fires: [
      { name: 'a bruise on a non-mobile baby', contact: quietContact({ children: [baby({ injuries: [bruise(['shin'])] })] }) },
      { name: 'a mark on a sixteen-week-old recorded as mobile', contact: quietContact({ children: [baby({ mobility: 'independently_mobile', injuries: [{ type: 'mark', sites: ['thigh'] }] })] }) },
      { name: 'a burn on a three-year-old who is not independently mobile', contact: quietContact({ children: [aged(BORN.years3, { mobility: 'not_independently_mobile', disability: true, injuries: [burn] })] }) },
    ],
    doesNotFire: [
      { name: 'a birthmark confirmed by health', contact: quietContact({ children: [baby({ injuries: [bruise(['back'], { healthConfirmedNonInflicted: true })] })] }) },
      { name: 'a bruise on a ten-month-old who cruises', contact: quietContact({ children: [aged(BORN.months10, { mobility: 'becoming_mobile', injuries: [bruise(['shin'])] })] }) },
      { name: 'a bruise on a walking toddler', contact: quietContact({ children: [aged('2024-06-01', { injuries: [bruise(['shin'])] })] }) },
    ],
  },
  'non-mobile-injury-strategy': {
    fires: [{ name: 'the national route', contact: quietContact({ children: [baby({ injuries: [bruise(['shin'])] })] }) }],
    doesNotFire: [{ name: 'an authority that appraises health first', contact: quietContact({ children: [baby({ injuries: [bruise(['shin'])] })] }), settings: { nonMobileInjuryRoute: 'health_appraisal_first' } }],
  },
  'physical-abuse-alleged-baby': {
    fires: [
      { name: 'physical abuse by an adult alleged, a ten-month-old in the family', contact: quietContact({ concerns: ['18C'], children: [aged(BORN.months10)] }) },
      { name: 'alleged about an older sister, a baby brother at home', contact: quietContact({ concerns: ['18C'], children: [child(), aged(BORN.months10)] }) },
    ],
    doesNotFire: [
      { name: 'a two-year-old, no baby', contact: quietContact({ concerns: ['18C'], children: [aged('2024-01-20')] }) },
      { name: 'harm between children (18B)', contact: quietContact({ concerns: ['18B'], children: [aged(BORN.months10)] }) },
      { name: 'already acted on', contact: quietContact({ concerns: ['18C'], alreadyActedOn: true, children: [aged(BORN.months10)] }) },
    ],
  },
  'baby-harmed': {
    fires: [
      { name: 'a ten-month-old who cruises, with a burn', contact: quietContact({ children: [aged(BORN.months10, { mobility: 'becoming_mobile', injuries: [burn] })] }) },
      { name: 'a ten-month-old with an unexplained bruise to the shin', contact: quietContact({ children: [aged(BORN.months10, { mobility: 'becoming_mobile', injuries: [bruise(['shin'], { explanation: null, explanationAssessment: 'none' })] })] }) },
    ],
    doesNotFire: [
      { name: 'a ten-month-old who cruises, with an explained bruise to the shin', contact: quietContact({ children: [aged(BORN.months10, { mobility: 'becoming_mobile', injuries: [bruise(['shin'])] })] }) },
      { name: 'a two-year-old with a burn', contact: quietContact({ children: [aged('2024-01-20', { injuries: [burn] })] }) },
    ],
  },
  'concerning-injury': {
    fires: [
      { name: 'TEN-4-FACESp eyelid bruise at 33 months', contact: quietContact({ children: [aged('2024-02-10', { injuries: [bruise(['eyelids'])] })] }) },
      { name: 'a grip pattern at eight', contact: quietContact({ children: [aged('2018-01-01', { injuries: [bruise(['upper_arm'], { pattern: ['grip'] })] })] }) },
      { name: 'multiple bruises at six', contact: quietContact({ children: [child({ injuries: [bruise(['shin', 'knee'], { pattern: ['multiple'] })] })] }) },
      { name: 'an implausible explanation', contact: quietContact({ children: [child({ injuries: [bruise(['shin'], { explanationAssessment: 'implausible' })] })] }) },
      { name: 'no explanation at all', contact: quietContact({ children: [child({ injuries: [{ type: 'burn', sites: ['hand'] }] })] }) },
    ],
    doesNotFire: [
      { name: 'a knee bruise with a consistent explanation', contact: quietContact({ children: [child({ injuries: [bruise(['knee'])] })] }) },
      { name: 'a TEN-4 site at six years with a consistent explanation', contact: quietContact({ children: [child({ injuries: [bruise(['chest'])] })] }) },
    ],
  },
  'physical-abuse-disclosure': {
    fires: [
      { name: 'a six-year-old discloses being hit, with a bruise', contact: quietContact({ children: [child({ ...hit, injuries: [bruise(['upper_arm'])] })] }) },
      { name: 'a four-year-old discloses being hit', contact: quietContact({ children: [aged(BORN.years4, hit)] }) },
      { name: 'a disclosure in a family with domestic abuse', contact: quietContact({ household: { domesticAbuse: true }, children: [child(hit)] }) },
      { name: 'a disclosure by a disabled child', contact: quietContact({ children: [child({ ...hit, disability: true })] }) },
      { name: 'a disclosure of no named kind with 18C ticked, and a bruise', contact: quietContact({ concerns: ['18C'], children: [child({ disclosure: true, injuries: [bruise(['upper_arm'])] })] }) },
    ],
    doesNotFire: [
      { name: 'a six-year-old discloses being hit, with no injury', contact: quietContact({ children: [child(hit)] }) },
      { name: 'a disclosure about another child, with a bruise', contact: quietContact({ children: [child({ ...hit, disclosureAbout: 'another_child', injuries: [bruise(['upper_arm'])] })] }) },
      { name: 'a disclosure already acted on, with a bruise', contact: quietContact({ children: [child({ ...hit, disclosureAlreadyActedOn: true, injuries: [bruise(['upper_arm'])] })] }) },
    ],
  },
  'physical-abuse-disclosure-no-injury': {
    fires: [
      { name: 'a six-year-old discloses being hit, nothing else known', contact: quietContact({ children: [child(hit)] }) },
      { name: 'a disclosure of no named kind with 18C ticked, nothing else known', contact: quietContact({ concerns: ['18C'], children: [child({ disclosure: true })] }) },
    ],
    doesNotFire: [
      { name: 'the same disclosure with a bruise', contact: quietContact({ children: [child({ ...hit, injuries: [bruise(['upper_arm'])] })] }) },
      { name: 'the same disclosure by a four-year-old', contact: quietContact({ children: [aged(BORN.years4, hit)] }) },
      { name: 'the same disclosure in a family with a previous plan', contact: quietContact({ children: [child({ ...hit, history: { cpPlanPrevious: true } })] }) },
      { name: 'the same disclosure about another child', contact: quietContact({ children: [child({ ...hit, disclosureAbout: 'another_child' })] }) },
    ],
  },
  'physical-punishment-aggravated': {
    fires: [
      { name: 'with an implement', contact: quietContact({ physicalPunishment: { implement: true } }) },
      { name: 'to the head', contact: quietContact({ physicalPunishment: { toHead: true } }) },
      { name: 'said to be routine', contact: quietContact({ physicalPunishment: { repeated: true } }) },
      { name: 'reported, with a bruise', contact: quietContact({ physicalPunishmentReported: true, children: [child({ injuries: [bruise(['thigh'])] })] }) },
    ],
    doesNotFire: [
      { name: 'reported, nothing aggravating', contact: quietContact({ physicalPunishmentReported: true, physicalPunishment: noAggravation }) },
      { name: 'a bruise, no punishment reported', contact: quietContact({ children: [child({ injuries: [bruise(['thigh'])] })] }) },
    ],
  },
  'physical-punishment-baby': {
    fires: [
      { name: 'the only child seventeen months', contact: quietContact({ physicalPunishmentReported: true, children: [aged(BORN.months17)] }) },
      { name: 'a seventeen-month-old and an unborn sibling', contact: quietContact({ physicalPunishmentReported: true, children: [aged(BORN.months17), unborn()] }) },
    ],
    doesNotFire: [
      { name: 'the only child two', contact: quietContact({ physicalPunishmentReported: true, children: [aged(BORN.years2)] }) },
      { name: 'a seventeen-month-old with a six-year-old sibling', contact: quietContact({ physicalPunishmentReported: true, children: [child(), aged(BORN.months17, { personId: 'P-000002' })] }) },
      { name: 'a seventeen-month-old, no punishment reported', contact: quietContact({ children: [aged(BORN.months17)] }) },
    ],
  },
  'physical-punishment-young-child': {
    fires: [{ name: 'a three-year-old', contact: quietContact({ physicalPunishmentReported: true, children: [aged(BORN.years3)] }) }],
    doesNotFire: [
      { name: 'a five-year-old', contact: quietContact({ physicalPunishmentReported: true, children: [aged(BORN.years5)] }) },
      { name: 'a three-year-old, no punishment reported', contact: quietContact({ children: [aged(BORN.years3)] }) },
    ],
  },
  'minimising-language': {
    fires: [
      { name: '"only a smack", 18C, a three-year-old with a previous plan', contact: quietContact({ concerns: ['18C'], narrative: 'Father said it was only a smack.', children: [aged(BORN.years3, { history: { cpPlanPrevious: true } })] }) },
      { name: '"chastisement", punishment reported, domestic abuse, a four-year-old', contact: quietContact({ physicalPunishmentReported: true, household: { domesticAbuse: true }, narrative: 'Mother said it was only chastisement.', children: [aged(BORN.years4)] }) },
      { name: '"discipline", 18C, a three-year-old, two earlier contacts', contact: quietContact({ concerns: ['18C'], narrative: 'Father calls it discipline.', children: [aged(BORN.years3)] }), history: { priorContacts: [2] } },
    ],
    doesNotFire: [
      { name: 'the same words about a six-year-old with a previous plan', contact: quietContact({ concerns: ['18C'], narrative: 'Father said it was only a smack.', children: [child({ history: { cpPlanPrevious: true } })] }) },
      { name: 'the same case described plainly', contact: quietContact({ concerns: ['18C'], narrative: 'Father hit the child.', children: [aged(BORN.years3, { history: { cpPlanPrevious: true } })] }) },
      { name: 'the same words, no history, domestic abuse or earlier contacts', contact: quietContact({ concerns: ['18C'], narrative: 'Father said it was only a smack.', children: [aged(BORN.years3)] }), history: { priorContacts: [1] } },
      { name: 'the same words with no physical harm alleged', contact: quietContact({ concerns: ['17A'], narrative: 'Father said it was only a smack.', children: [aged(BORN.years3, { history: { cpPlanPrevious: true } })] }) },
    ],
  },
  'child-disclosure-unspecified': {
    fires: [{ name: 'a disclosure of no named kind, no concern code', contact: quietContact({ children: [child({ disclosure: true })] }) }],
    doesNotFire: [
      { name: 'a disclosure of neglect', contact: quietContact({ children: [child({ disclosure: true, disclosureKind: 'neglect' })] }) },
      { name: 'a worry shared, not a disclosure of harm', contact: quietContact({ children: [child({ disclosure: true, disclosureKind: 'worry' })] }) },
      { name: 'a disclosure of no named kind with 18C ticked (read as physical)', contact: quietContact({ concerns: ['18C'], children: [child({ disclosure: true })] }) },
      { name: 'a disclosure already acted on', contact: quietContact({ children: [child({ disclosure: true, disclosureAlreadyActedOn: true })] }) },
      { name: 'disclosure not known', contact: quietContact({ children: [child({ disclosure: null })] }) },
    ],
  },
  'fabricated-induced-illness': {
    fires: [
      { name: 'FII suspected', contact: quietContact({ fii: 'suspected' }) },
      { name: 'induced harm', contact: quietContact({ fii: 'induced_harm' }) },
      { name: 'the v1 flag', contact: quietContact({ fabricatedOrInducedIllness: true }) },
    ],
    doesNotFire: [
      { name: 'a perplexing presentation', contact: quietContact({ fii: 'perplexing_presentation' }) },
      { name: 'FII not known', contact: quietContact({ fabricatedOrInducedIllness: null }) },
    ],
  },
  'perplexing-presentation': {
    fires: [{ name: 'a perplexing presentation', contact: quietContact({ fii: 'perplexing_presentation' }) }],
    doesNotFire: [{ name: 'FII suspected', contact: quietContact({ fii: 'suspected' }) }],
  },
};

describeRuleCases('injuries, physical abuse and punishment, disclosure, FII', cases);
