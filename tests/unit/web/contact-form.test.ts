import { describe, expect, it } from 'vitest';
import {
  AdultSchema, ChildHistorySchema, ChildSchema, ContactInputSchema, DomesticAbuseSchema, ExploitationSchema, HonourBasedAbuseSchema, InjurySchema,
  MentalHealthSchema, MovementSchema, NeglectSchema, PhysicalPunishmentSchema,
} from '../../../src/schemas/contact.schema.js';
import { contactFromForm } from '../../../src/web/contacts/contact-form.js';
import { formErrors } from '../../../src/web/contacts/contact-form-errors.js';
import type { FormValues } from '../../../src/web/form-values.js';
import { RecordContactPage } from '../../../src/web/contacts/record-contact-page.js';
import { zodFieldErrors } from '../../../src/http/problem.js';

const TZ = 'Europe/London';

/** What every contact needs, as the form posts it. */
const ESSENTIALS: FormValues = {
  csrf: 'x', childCount: '1', adultCount: '1', action: 'record',
  'receivedDate.day': '28', 'receivedDate.month': '11', 'receivedDate.year': '2026', receivedTime: '09:20',
  'referrer.source': '6',
  'children.0.dateOfBirth.day': '4', 'children.0.dateOfBirth.month': '6', 'children.0.dateOfBirth.year': '2021',
  narrative: 'Police attended a domestic incident overnight.',
};

/** Every question the new fields added, answered, with the boxes that reveal them ticked. */
const EVERY_NEW_FIELD: FormValues = {
  ...ESSENTIALS,
  alreadyActedOn: 'no',
  protectiveAdultPresent: 'yes',
  areas: ['physicalPunishment', 'fii', 'neglect', 'exploitation', 'honourBasedAbuse', 'pregnancy', 'whereabouts'],
  physicalPunishmentReported: 'yes',
  'physicalPunishment.implement': 'yes', 'physicalPunishment.toHead': 'no', 'physicalPunishment.repeated': 'yes',
  fabricatedOrInducedIllness: 'yes', fii: 'perplexing_presentation',
  household: ['domesticAbuse', 'parentalMentalHealth'],
  'domesticAbuseDetail.dashRisk': 'high', 'domesticAbuseDetail.strangulation': 'yes', 'domesticAbuseDetail.weapon': 'no',
  'domesticAbuseDetail.childPresent': 'yes', 'domesticAbuseDetail.childHurt': 'no', 'domesticAbuseDetail.pregnant': 'yes',
  'domesticAbuseDetail.incidentsLast12Months': '3',
  'mentalHealthDetail.psychoticFeatures': 'yes', 'mentalHealthDetail.beliefsAboutChild': 'no',
  'mentalHealthDetail.refusingTreatment': 'yes', 'mentalHealthDetail.suicidal': 'no',
  'exploitation.foundWithUnknownAdults': 'yes', 'exploitation.drugsOrCash': 'no', 'exploitation.homeTakenOver': 'yes',
  'exploitation.onlineSexualExtortion': 'no', 'exploitation.suicidalThoughts': 'yes',
  'neglect.wasNotBrought': '4', 'neglect.emergencyAttendances': '0', 'neglect.unsafeSleepIntoxicatedCarer': 'no', 'neglect.basicNeedsUnmet': 'yes',
  'honourBasedAbuse.forcedMarriage': 'no', 'honourBasedAbuse.honourBasedViolence': 'yes', 'honourBasedAbuse.fgmRisk': 'yes',
  'honourBasedAbuse.travelAbroadOn.day': '1', 'honourBasedAbuse.travelAbroadOn.month': '2', 'honourBasedAbuse.travelAbroadOn.year': '2027',
  concealedPregnancy: 'yes',
  'movement.whereaboutsKnown': 'no', 'movement.movedToAvoidServices': 'yes', 'movement.planBreached': 'no',
  'children.0.areas': ['missing', 'care'],
  'children.0.disclosure': 'yes', 'children.0.disclosureKind': 'sexual', 'children.0.disclosureAbout': 'household_member',
  'children.0.disclosureAlreadyActedOn': 'no',
  'children.0.sexualActivityReported': 'yes', 'children.0.missingEpisodesLast12Months': '5',
  'children.0.unaccompanied': 'no', 'children.0.homeless': 'yes', 'children.0.needsAccommodationTonight': 'yes',
  'children.0.privatelyFostered': 'no', 'children.0.youngCarer': 'yes',
  'children.0.history': ['siblingUnexplainedDeath', 'earlierContacts'], 'children.0.history.contactsLast12Months': '2',
  'children.0.injury.type': 'bruise', 'children.0.injury.sites': 'cheeks', 'children.0.injury.needsMedicalCare': 'yes',
  'adults.0.role': 'partner', 'adults.0.flags': ['allegedPerpetrator', 'posesRisk'],
  'adults.0.harmedChildBefore': 'yes', 'adults.0.sexualRiskToChildren': 'no', 'adults.0.managedUnderMappa': 'yes',
  'adults.0.hasAccessToChild': 'yes', 'adults.0.worksWithChildren': 'no', 'adults.0.excludedByPlan': 'yes',
  'adults.0.releaseOrMoveInOn.day': '3', 'adults.0.releaseOrMoveInOn.month': '12', 'adults.0.releaseOrMoveInOn.year': '2026',
};

const NEW_CHILD_FIELDS = [
  'disclosureKind', 'disclosureAbout', 'disclosureAlreadyActedOn', 'sexualActivityReported', 'missingEpisodesLast12Months',
  'unaccompanied', 'homeless', 'needsAccommodationTonight', 'privatelyFostered', 'youngCarer',
] as const;
const NEW_ADULT_FIELDS = ['harmedChildBefore', 'sexualRiskToChildren', 'managedUnderMappa', 'hasAccessToChild', 'releaseOrMoveInOn', 'worksWithChildren', 'excludedByPlan'] as const;
const NEW_SECTIONS = ['physicalPunishment', 'fii', 'domesticAbuseDetail', 'mentalHealthDetail', 'exploitation', 'neglect', 'honourBasedAbuse'] as const;
const NEW_FLAGS = ['concealedPregnancy', 'protectiveAdultPresent', 'alreadyActedOn'] as const;

const parse = (form: FormValues) => contactFromForm(form, TZ) as Record<string, any>;

describe('the contact form into the API body: the fields for the harms a front door sees every week', () => {
  it('records every new field, answered, as the API names it', () => {
    const body = parse(EVERY_NEW_FIELD);
    expect(body).toMatchObject({
      alreadyActedOn: false,
      protectiveAdultPresent: true,
      physicalPunishmentReported: true,
      physicalPunishment: { implement: true, toHead: false, repeated: true },
      fabricatedOrInducedIllness: true,
      fii: 'perplexing_presentation',
      household: { domesticAbuse: true, parentalMentalHealth: true },
      domesticAbuseDetail: { dashRisk: 'high', strangulation: true, weapon: false, childPresent: true, childHurt: false, pregnant: true, incidentsLast12Months: 3 },
      mentalHealthDetail: { psychoticFeatures: true, beliefsAboutChild: false, refusingTreatment: true, suicidal: false },
      exploitation: { foundWithUnknownAdults: true, drugsOrCash: false, homeTakenOver: true, onlineSexualExtortion: false, suicidalThoughts: true },
      neglect: { wasNotBrought: 4, emergencyAttendances: 0, unsafeSleepIntoxicatedCarer: false, basicNeedsUnmet: true },
      honourBasedAbuse: { forcedMarriage: false, honourBasedViolence: true, fgmRisk: true, travelAbroadOn: '2027-02-01' },
      concealedPregnancy: true,
      movement: { whereaboutsKnown: false, movedToAvoidServices: true, planBreached: false },
    });
    expect(body.children[0]).toMatchObject({
      disclosure: true, disclosureKind: 'sexual', disclosureAbout: 'household_member', disclosureAlreadyActedOn: false,
      sexualActivityReported: true, missingEpisodesLast12Months: 5,
      unaccompanied: false, homeless: true, needsAccommodationTonight: true, privatelyFostered: false, youngCarer: true,
      history: { siblingUnexplainedDeath: true, contactsLast12Months: 2 },
      injuries: [{ type: 'bruise', sites: ['cheeks'], needsMedicalCare: true }],
    });
    expect(body.adults).toEqual([{
      role: 'partner', allegedPerpetrator: true, harmedChildBefore: true, sexualRiskToChildren: false, managedUnderMappa: true,
      hasAccessToChild: true, releaseOrMoveInOn: '2026-12-03', worksWithChildren: false, excludedByPlan: true,
    }]);
  });

  it('the API’s own schema accepts the body, so every name the form sends is one the contract knows', () => {
    const parsed = ContactInputSchema.safeParse(parse(EVERY_NEW_FIELD));
    expect(parsed.success ? [] : zodFieldErrors(parsed.error)).toEqual([]);
  });

  it('covers every field of every new section of the contract', () => {
    const body = parse(EVERY_NEW_FIELD);
    const sections = {
      physicalPunishment: PhysicalPunishmentSchema, domesticAbuseDetail: DomesticAbuseSchema, mentalHealthDetail: MentalHealthSchema,
      exploitation: ExploitationSchema, neglect: NeglectSchema, honourBasedAbuse: HonourBasedAbuseSchema,
    };
    for (const [name, schema] of Object.entries(sections)) expect(Object.keys(body[name]).sort(), name).toEqual(Object.keys(schema.shape).sort());
    const child = body.children[0];
    for (const key of NEW_CHILD_FIELDS) expect(child, key).toHaveProperty(key);
    expect(Object.keys(ChildSchema.shape)).toEqual(expect.arrayContaining([...NEW_CHILD_FIELDS]));
    for (const key of ['siblingUnexplainedDeath', 'contactsLast12Months']) {
      expect(child.history, key).toHaveProperty(key);
      expect(ChildHistorySchema.shape).toHaveProperty(key);
    }
    expect(InjurySchema.shape).toHaveProperty('needsMedicalCare');
    expect(Object.keys(AdultSchema.shape)).toEqual(expect.arrayContaining([...NEW_ADULT_FIELDS]));
    for (const key of NEW_ADULT_FIELDS) expect(body.adults[0], key).toHaveProperty(key);
    for (const key of ['whereaboutsKnown', 'movedToAvoidServices', 'planBreached']) {
      expect(body.movement, key).toHaveProperty(key);
      expect(MovementSchema.shape).toHaveProperty(key);
    }
  });

  it('sends nothing for a question not answered: absent stays absent, never false', () => {
    const body = parse(ESSENTIALS);
    for (const key of [...NEW_SECTIONS, ...NEW_FLAGS, 'movement', 'physicalPunishmentReported', 'fabricatedOrInducedIllness']) expect(body, key).not.toHaveProperty(key);
    for (const key of [...NEW_CHILD_FIELDS, 'disclosure', 'injuries']) {
      if (key === 'injuries') expect(body.children[0].injuries).toEqual([]);
      else expect(body.children[0], key).not.toHaveProperty(key);
    }
    expect(body.children[0].history).toEqual({});
    expect(body.adults).toEqual([]);
  });

  it('reads "Not known" (the empty radio) and empty boxes as absent, and leaves out a section with nothing answered', () => {
    const body = parse({
      ...ESSENTIALS,
      household: 'domesticAbuse', areas: ['neglect', 'honourBasedAbuse'],
      'domesticAbuseDetail.dashRisk': '', 'domesticAbuseDetail.strangulation': '', 'domesticAbuseDetail.incidentsLast12Months': ' ',
      'neglect.wasNotBrought': '', 'neglect.basicNeedsUnmet': '',
      'honourBasedAbuse.travelAbroadOn.day': '', 'honourBasedAbuse.travelAbroadOn.month': '', 'honourBasedAbuse.travelAbroadOn.year': '',
      'children.0.disclosureKind': '', 'children.0.missingEpisodesLast12Months': '', 'children.0.homeless': '',
      'children.0.history.contactsLast12Months': '',
      'adults.0.flags': 'posesRisk', 'adults.0.hasAccessToChild': '',
      'adults.0.releaseOrMoveInOn.day': '', 'adults.0.releaseOrMoveInOn.month': '', 'adults.0.releaseOrMoveInOn.year': '',
      protectiveAdultPresent: '', concealedPregnancy: '', alreadyActedOn: '',
    });
    expect(body.household).toEqual({ domesticAbuse: true });
    for (const key of [...NEW_SECTIONS, ...NEW_FLAGS]) expect(body, key).not.toHaveProperty(key);
    for (const key of NEW_CHILD_FIELDS) expect(body.children[0], key).not.toHaveProperty(key);
    expect(body.children[0].history).toEqual({});
    expect(body.adults).toEqual([]);
  });

  it('sends part of a section as just that part', () => {
    const body = parse({ ...ESSENTIALS, 'domesticAbuseDetail.incidentsLast12Months': '2', 'honourBasedAbuse.fgmRisk': 'yes', 'movement.whereaboutsKnown': 'yes' });
    expect(body.domesticAbuseDetail).toEqual({ incidentsLast12Months: 2 });
    expect(body.honourBasedAbuse).toEqual({ fgmRisk: true });
    expect(body.movement).toEqual({ whereaboutsKnown: true });
  });

  it('never sends the boxes that only reveal questions', () => {
    const body = parse({ ...ESSENTIALS, areas: ['neglect', 'pregnancy'], 'children.0.areas': 'care', 'children.0.history': 'earlierContacts', 'adults.0.flags': 'posesRisk' });
    expect(body).not.toHaveProperty('areas');
    expect(body.children[0]).not.toHaveProperty('areas');
    expect(body.children[0].history).toEqual({});
    expect(body.adults).toEqual([]);
    expect(ContactInputSchema.safeParse(body).success).toBe(true);
  });

  it('keeps the fields that were there before', () => {
    const body = parse({
      ...ESSENTIALS, physicalPunishmentReported: 'yes', fabricatedOrInducedIllness: 'no', 'children.0.disclosure': 'no', immediateDanger: 'yes',
      'children.0.history': ['cpPlanPrevious'], 'adults.0.flags': ['livesWithChild', 'checksCompleted'], household: 'substanceMisuse',
      'movement.previousAuthority': 'E06000055', 'movement.planInPreviousAuthority': 'cin',
    });
    expect(body).toMatchObject({
      immediateDanger: true, physicalPunishmentReported: true, fabricatedOrInducedIllness: false, household: { substanceMisuse: true },
      movement: { previousAuthority: 'E06000055', planInPreviousAuthority: 'cin' },
    });
    expect(body.children[0]).toMatchObject({ disclosure: false, history: { cpPlanPrevious: true } });
    expect(body.adults).toEqual([{ livesWithChild: true, checksCompleted: true }]);
  });

  it('takes counts with spaces or commas, and passes anything else on for the schema to refuse in the screener’s words', () => {
    expect(parse({ ...ESSENTIALS, 'neglect.wasNotBrought': ' 1,000 ' }).neglect).toEqual({ wasNotBrought: 1000 });
    const body = parse({
      ...ESSENTIALS, 'children.0.missingEpisodesLast12Months': 'lots', 'domesticAbuseDetail.incidentsLast12Months': '5000', 'neglect.emergencyAttendances': '-1',
      'adults.0.releaseOrMoveInOn.day': '31', 'adults.0.releaseOrMoveInOn.month': '2', 'adults.0.releaseOrMoveInOn.year': '2027',
      'honourBasedAbuse.travelAbroadOn.day': '12', 'honourBasedAbuse.travelAbroadOn.month': '', 'honourBasedAbuse.travelAbroadOn.year': '',
      'children.0.disclosureKind': 'gossip',
    });
    expect(body.children[0].missingEpisodesLast12Months).toBe('lots');
    const parsed = ContactInputSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    const errors = formErrors(zodFieldErrors(parsed.error!));
    expect(errors).toMatchObject({
      'children-0-missingEpisodesLast12Months': 'Enter times reported missing in the last 12 months for child 1 as a whole number, like 3',
      'domesticAbuseDetail-incidentsLast12Months': 'Domestic abuse incidents in the last 12 months must be 1000 or fewer',
      'neglect-emergencyAttendances': 'Enter neglect emergency department visits as a whole number, like 3',
      'adults-0-releaseOrMoveInOn': 'Date of release or moving in for adult 1 must be a real date',
      'honourBasedAbuse-travelAbroadOn': 'Honour-based abuse date of travel abroad must be a real date',
    });
    expect(errors['children-0-disclosureKind']).toBe('Select what the child disclosed for child 1');
    for (const message of Object.values(errors)) expect(message).not.toMatch(/expected|invalid|received|\|/i);
  });

  it('reads each child’s and each adult’s questions by their own number', () => {
    const body = parse({
      ...ESSENTIALS, childCount: '2', adultCount: '2',
      'children.1.dateOfBirth.day': '1', 'children.1.dateOfBirth.month': '1', 'children.1.dateOfBirth.year': '2012',
      'children.1.missingEpisodesLast12Months': '3', 'children.1.youngCarer': 'yes',
      'adults.1.role': 'lodger', 'adults.1.sexualRiskToChildren': 'yes',
    });
    expect(body.children[0]).not.toHaveProperty('missingEpisodesLast12Months');
    expect(body.children[1]).toMatchObject({ missingEpisodesLast12Months: 3, youngCarer: true });
    expect(body.adults).toEqual([{ role: 'lodger', sexualRiskToChildren: true }]);
  });
});

describe('the record-a-contact page', () => {
  const session = { sub: 'anna', role: 'screener' as const, la: 'E06000056', csrf: 'x', seen: 0 };

  it('has a field for every name the parser is given above', async () => {
    const html = await RecordContactPage({ session, form: { ...ESSENTIALS }, errors: {} })!.toString();
    const names = new Set([...html.matchAll(/ name="([^"]+)"/g)].map((m) => m[1]!));
    const posted = Object.keys(EVERY_NEW_FIELD).filter((k) => !['csrf', 'childCount', 'adultCount', 'action'].includes(k))
      .map((k) => k.replace(/\.(day|month|year)$/, '.day'));
    // A date is posted as day, month and year boxes, or (a date of birth) typed in one box.
    const missing = posted.filter((k) => !names.has(k) && !names.has(`${k.replace(/\.day$/, '')}.day`) && !names.has(k.replace(/\.day$/, '')));
    expect(missing).toEqual([]);
  });

  it('reveals each area’s questions under the box that asks about it, hidden until ticked', async () => {
    const html = String(await RecordContactPage({ session, form: { ...ESSENTIALS }, errors: {} })!.toString());
    for (const [box, question] of [
      ['household', 'domesticAbuseDetail-strangulation'], ['physicalPunishmentReported', 'physicalPunishment-implement'],
      ['children-0-disclosure', 'children-0-disclosureKind'], ['adults-0-flags-posesRisk', 'adults-0-hasAccessToChild'],
      ['concernAreas-neglect', 'neglect-wasNotBrought'], ['children-0-unborn', 'children-0-expectedDateOfBirth'],
    ] as const) {
      expect(html, box).toMatch(new RegExp(`id="${box}"[^>]*data-aria-controls="conditional-${box}"`));
      const reveal = html.slice(html.indexOf(`id="conditional-${box}"`) - 80);
      expect(reveal, box).toMatch(/^[^>]*govuk-checkboxes__conditional--hidden/);
      expect(reveal.indexOf(`id="${question}"`), question).toBeGreaterThan(0);
    }
    expect(html).not.toContain('govuk-radios__conditional');
  });

  it('shows the questions of a ticked box open when the page comes back with errors', async () => {
    const html = String(await RecordContactPage({ session, form: { ...ESSENTIALS, household: 'domesticAbuse', 'domesticAbuseDetail.incidentsLast12Months': 'x' }, errors: { 'domesticAbuseDetail-incidentsLast12Months': 'Domestic abuse incidents in the last 12 months must be a whole number, like 3' } })!.toString());
    expect(html).toMatch(/class="govuk-checkboxes__conditional" id="conditional-household"/);
    expect(html).toContain('id="domesticAbuseDetail-incidentsLast12Months-error"');
    expect(html).toMatch(/id="household"[^>]*checked/);
  });
});
