import type { AreaContext } from './context.js';

/** What was disclosed, physical punishment (Children Act 2004 s58) and fabricated or induced illness (RCPCH 2021). */
export const DISCLOSURE_FACTS = {
  freshDisclosure: 'A child has disclosed harm (not only a worry) that was not already reported and acted on',
  disclosureKinds: 'What the children disclosed: physical, sexual, neglect, emotional or worry (unspecified when not said)',
  sexualAbuseDisclosure: 'A child has disclosed sexual abuse, not already acted on',
  physicalAbuseDisclosure: 'A child has disclosed being hurt by an adult, not already acted on',
  punishmentAggravated: 'Physical punishment with an implement, to the head, repeated, or leaving an injury',
  punishmentAggravations: 'How the physical punishment is aggravated',
  fiiLevel: 'Fabricated or induced illness: perplexing_presentation, suspected or induced_harm (null if none)',
} as const;

/** Only abuse codes say what a disclosure was; a neglect or emotional code beside it may be the referrer's own worry. */
function codeKind(codes: readonly string[]): string {
  if (codes.some((c) => c === '19B' || c === '19C')) return 'sexual';
  if (codes.some((c) => c === '18B' || c === '18C')) return 'physical';
  return 'unspecified';
}

export function disclosureFacts({ input, children }: AreaContext) {
  // A worry a child shares is heard, but it is not a disclosure of harm.
  const fresh = input.children.filter((c) => c.disclosure === true && c.disclosureAlreadyActedOn !== true && c.disclosureKind !== 'worry');
  // A v1 contact names no kind: the concern codes ticked with it say what was disclosed, where they can.
  const inferred = codeKind(input.concerns ?? []);
  const kinds = [...new Set(fresh.map((c) => c.disclosureKind ?? inferred))].sort();
  const p = input.physicalPunishment ?? {};
  const injured = children.some((c) => c.injuries.length > 0);
  const aggravations = ([
    ['an implement', p.implement], ['to the head', p.toHead], ['repeated', p.repeated], ['an injury', injured],
  ] as const).filter(([, v]) => v === true).map(([name]) => name);
  const punished = input.physicalPunishmentReported === true || Object.values(p).some((v) => v === true);
  const fiiLevel = input.fii ?? (input.fabricatedOrInducedIllness === true ? 'suspected' : null);
  return {
    freshDisclosure: fresh.length > 0,
    disclosureKinds: kinds,
    sexualAbuseDisclosure: kinds.includes('sexual'),
    physicalAbuseDisclosure: fresh.some((c) => (c.disclosureKind ?? inferred) === 'physical' && c.disclosureAbout !== 'another_child'),
    punishmentAggravated: punished && aggravations.length > 0,
    punishmentAggravations: punished ? aggravations : [],
    fiiLevel,
  };
}
