import { anyCode, type AreaContext } from './context.js';

/** Statutory routes that are about need (unaccompanied children, homeless 16–17 year olds, private fostering, young carers). */
export const NEED_FACTS = {
  unaccompaniedChild: 'A child has no adult with parental responsibility caring for them in the UK (or CIN factor 9A)',
  traffickingIndicators: 'Trafficking or modern slavery is suspected (CIN factor 12A)',
  homelessChild: 'A child aged 16 or 17 is homeless or about to be',
  needsAccommodationTonight: 'A child has nowhere safe to sleep tonight',
  privateFostering: 'A child is privately fostered (or CIN factors 8B–8F)',
  youngCarer: 'A child cares for a family member (or CIN factor 7A)',
  disabledChild: 'A child is disabled',
  alreadyActedOn: 'The concern was already reported and acted on; the contact adds nothing new',
  oldestAgeYears: 'Age in whole years of the oldest born child',
} as const;

export function needFacts({ input, children }: AreaContext) {
  const born = children.filter((c) => !c.unborn);
  return {
    unaccompaniedChild: input.children.some((c) => c.unaccompanied === true) || anyCode(input.concerns, ['9A']),
    traffickingIndicators: anyCode(input.concerns, ['12A']),
    homelessChild: input.children.some((c) => c.homeless === true),
    needsAccommodationTonight: input.children.some((c) => c.needsAccommodationTonight === true),
    privateFostering: input.children.some((c) => c.privatelyFostered === true) || anyCode(input.concerns, ['8B', '8C', '8D', '8E', '8F']),
    youngCarer: input.children.some((c) => c.youngCarer === true) || anyCode(input.concerns, ['7A']),
    disabledChild: input.children.some((c) => c.disability === true),
    alreadyActedOn: input.alreadyActedOn === true,
    oldestAgeYears: born.length ? Math.max(...born.map((c) => Math.floor((c.ageMonths ?? 0) / 12))) : null,
  };
}
