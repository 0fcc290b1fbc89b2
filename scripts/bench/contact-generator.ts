import {
  ADULT_ROLES, ASSESSMENT_FACTORS, CHANNELS, ETHNICITIES, EVIDENCE_KINDS, EXPLANATION_ASSESSMENTS, INJURY_PATTERNS,
  INJURY_SITES, INJURY_TYPES, REFERRAL_SOURCE_CODES,
} from '../../src/schemas/codes.js';
import type { AdultInput, ChildInput, ContactInput, InjuryInput } from '../../src/schemas/contact.schema.js';

/** mulberry32: small, fast and seedable, so a benchmark run can be repeated contact for contact. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A valid NHS number (modulus 11) made from a counter; numbers whose check digit would be 10 are skipped. */
export function nhsNumberFor(n: number): string {
  for (let base = n; ; base += 1) {
    const digits = String(400_000_000 + (base % 500_000_000)).padStart(9, '0');
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return `${digits}${check}`;
  }
}

const NARRATIVES = [
  'School reports the child arrived hungry and in unwashed clothes for the third day running.',
  'Police attended a domestic incident overnight; the children were present in the house.',
  'Health visitor noticed a bruise and the parent gave no clear explanation.',
  'Neighbour heard shouting and a child crying late at night; mother said it was just a smack.',
  'GP concerned about a parent’s mental health and the care of a young baby.',
  'The child told a teacher that an adult at home hurts them.',
  'Father said it was reasonable punishment and none of your business when asked about the mark.',
  'A&E saw the child with an injury after a fall; staff felt the account was inconsistent.',
  'Missing from home twice this month; found with older males in a car.',
  'Midwife reports a pregnant mother with substance misuse and no antenatal care until 30 weeks.',
];

export interface GeneratorOptions {
  seed: number;
  /** Contacts are received in the `spanDays` before this instant. */
  now: Date;
  spanDays?: number;
  /** Prefix of person ids, so runs into one database do not share children by accident. */
  personPrefix?: string;
}

/**
 * Realistic contacts for load: 1–4 children of every age (unborn and babies
 * included), injuries, history, adults, concerns. About a third of children
 * reuse the person id (and NHS number) of a child generated earlier, so the
 * history lookup finds prior contacts.
 */
export function contactGenerator(options: GeneratorOptions): () => ContactInput {
  const rnd = seededRandom(options.seed);
  const span = (options.spanDays ?? 200) * DAY;
  const prefix = options.personPrefix ?? `B${options.seed}`;
  const known: { personId: string; nhsNumber: string | null; dateOfBirth: string }[] = [];
  let counter = 0;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const chance = (p: number) => rnd() < p;
  const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(rnd() * (max + 1)) }, () => pick(list)))];

  const injury = (): InjuryInput => ({
    type: pick(INJURY_TYPES),
    sites: some(INJURY_SITES, 2).concat(pick(INJURY_SITES)).filter((s, i, all) => all.indexOf(s) === i),
    pattern: chance(0.3) ? some(INJURY_PATTERNS, 2) : [],
    explanation: chance(0.8) ? 'Said to have fallen from the sofa' : null,
    explanationAssessment: pick(EXPLANATION_ASSESSMENTS),
    healthConfirmedNonInflicted: chance(0.1) ? true : null,
  });

  const child = (receivedMs: number): ChildInput => {
    if (known.length > 0 && chance(0.33)) {
      const again = known[Math.floor(rnd() * known.length)]!;
      if (again.dateOfBirth <= isoDate(receivedMs)) {
        return { personId: again.personId, nhsNumber: again.nhsNumber, dateOfBirth: again.dateOfBirth, mobility: 'independently_mobile', communicates: true };
      }
    }
    counter += 1;
    const personId = `${prefix}-${counter}`;
    const band = rnd();
    if (band < 0.06) {
      return { personId, expectedDateOfBirth: isoDate(receivedMs + (10 + Math.floor(rnd() * 240)) * DAY), history: { siblingCpPlan: chance(0.1) } };
    }
    const ageDays = band < 0.2 ? Math.floor(rnd() * 365) : band < 0.45 ? 365 + Math.floor(rnd() * 4 * 365) : 5 * 365 + Math.floor(rnd() * 12 * 365);
    const dateOfBirth = isoDate(receivedMs - ageDays * DAY);
    const nhsNumber = chance(0.6) ? nhsNumberFor(options.seed * 1_000_003 + counter) : null;
    known.push({ personId, nhsNumber, dateOfBirth });
    return {
      personId,
      nhsNumber,
      givenName: 'Alex',
      dateOfBirth,
      sex: pick(['F', 'M', 'U'] as const),
      ethnicity: chance(0.8) ? pick(ETHNICITIES) : null,
      mobility: ageDays < 183 ? 'not_independently_mobile' : ageDays < 365 ? 'becoming_mobile' : 'independently_mobile',
      communicates: ageDays > 700 ? true : chance(0.2),
      disclosure: ageDays > 1500 && chance(0.1),
      injuries: chance(0.18) ? Array.from({ length: 1 + Math.floor(rnd() * 2) }, injury) : [],
      history: chance(0.7)
        ? { cpPlanCurrent: chance(0.04), cpPlanPrevious: chance(0.08), cinCurrent: chance(0.08), cinPrevious: chance(0.1), previousS47: chance(0.05) }
        : null,
    };
  };

  const adult = (): AdultInput => ({
    role: pick(ADULT_ROLES),
    livesWithChild: chance(0.8),
    newToHousehold: chance(0.1),
    violenceHistory: chance(0.1),
    checksCompleted: chance(0.6),
    allegedPerpetrator: chance(0.2),
  });

  return () => {
    const receivedMs = options.now.getTime() - DAY - Math.floor(rnd() * span);
    const childCount = pick([1, 1, 1, 1, 1, 2, 2, 2, 3, 4]);
    const concerns = some(ASSESSMENT_FACTORS.filter((c) => c !== '21'), 3);
    return {
      receivedAt: new Date(receivedMs).toISOString(),
      channel: pick(CHANNELS),
      immediateDanger: chance(0.03),
      referrer: { source: pick(REFERRAL_SOURCE_CODES), organisation: 'Referring agency', spokenToDirectly: chance(0.7) },
      children: Array.from({ length: childCount }, () => child(receivedMs)),
      adults: Array.from({ length: Math.floor(rnd() * 4) }, adult),
      concerns: concerns.length ? concerns : ['21'],
      physicalPunishmentReported: chance(0.1),
      fabricatedOrInducedIllness: chance(0.01) ? true : null,
      evidenceHeld: chance(0.15) ? some(EVIDENCE_KINDS, 2) : [],
      household: { domesticAbuse: chance(0.2), substanceMisuse: chance(0.15), parentalMentalHealth: chance(0.15) },
      movement: chance(0.05)
        ? { movedIntoAreaOn: isoDate(receivedMs - 30 * DAY), previousAuthority: 'E06000055', planInPreviousAuthority: pick(['cp', 'cin', 'early_help', 'none'] as const), previousAuthorityNotified: chance(0.5) }
        : null,
      narrative: pick(NARRATIVES),
    };
  };
}
