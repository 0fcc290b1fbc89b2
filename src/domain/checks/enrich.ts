import type { ChildHistory, HistoryEvidence } from '../../rules/facts.js';
import type { CheckFinding } from '../../schemas/check.schema.js';
import type { ContactInput } from '../../schemas/contact.schema.js';
import type { FieldError } from '../errors.js';

type FindingField = Exclude<keyof CheckFinding, 'person'>;

/**
 * Where each finding lands, read as a table: a child's plan and enquiry
 * history joins the child's history facts, a violent adult is marked so,
 * and an earlier injury known to a partner counts as an earlier concern
 * in the cumulative picture (the repeat-contacts rules), as the catalogue
 * asks of prior contacts "whatever their source".
 */
export const ENRICHMENT: Record<FindingField, { about: 'child' | 'adult'; into: `history.${keyof ChildHistory}` | 'priorContacts' | 'violenceHistory' }> = {
  cpPlanCurrent: { about: 'child', into: 'history.cpPlanCurrent' },
  cpPlanPrevious: { about: 'child', into: 'history.cpPlanPrevious' },
  cinCurrent: { about: 'child', into: 'history.cinCurrent' },
  lookedAfterCurrent: { about: 'child', into: 'history.lookedAfterCurrent' },
  previousS47: { about: 'child', into: 'history.previousS47' },
  previousInjury: { about: 'child', into: 'priorContacts' },
  violenceHistory: { about: 'adult', into: 'violenceHistory' },
};

const trueFields = (finding: CheckFinding) =>
  (Object.keys(ENRICHMENT) as FindingField[]).filter((field) => finding[field] === true);

/** Findings must be about people the check named, and about the right kind of person. */
export function findingErrors(findings: readonly CheckFinding[], people: readonly { id: string; kind: string }[]): FieldError[] {
  const kinds = new Map(people.map((p) => [p.id, p.kind]));
  return findings.flatMap((finding, i) => {
    const kind = kinds.get(finding.person);
    if (!kind) return [{ path: `/findings/${i}/person`, message: 'is not one of the people this check asks about' }];
    return (Object.keys(ENRICHMENT) as FindingField[])
      .filter((field) => finding[field] != null && ENRICHMENT[field].about !== kind)
      .map((field) => ({ path: `/findings/${i}/${field}`, message: `is a finding about ${ENRICHMENT[field].about === 'child' ? 'a child' : 'an adult'}` }));
  });
}

/** True when a finding adds something the triage can see. */
export function changesPicture(findings: readonly CheckFinding[]): boolean {
  return findings.some((f) => trueFields(f).length > 0);
}

export function summariseFindings(findings: readonly CheckFinding[]) {
  return findings.map((f) => ({ person: f.person, found: trueFields(f) }));
}

/** The stored contact with every finding so far folded in; the contact as recorded is not changed. */
export function enrich(
  input: ContactInput,
  history: HistoryEvidence,
  ids: { children: readonly string[]; adults: readonly string[] },
  findings: readonly CheckFinding[],
): { input: ContactInput; history: HistoryEvidence } {
  const children = input.children.map((c) => ({ ...c, history: { ...(c.history ?? {}) } }));
  const adults = (input.adults ?? []).map((a) => ({ ...a }));
  const priorContacts = [...history.priorContacts];
  for (const finding of findings) {
    const child = ids.children.indexOf(finding.person);
    const adult = ids.adults.indexOf(finding.person);
    for (const field of trueFields(finding)) {
      const { into } = ENRICHMENT[field];
      const adultFound = adults[adult];
      const childFound = children[child];
      if (into === 'violenceHistory' && adultFound) adultFound.violenceHistory = true;
      else if (into === 'priorContacts' && child >= 0) priorContacts[child] = (priorContacts[child] ?? 0) + 1;
      else if (into.startsWith('history.') && childFound) childFound.history[into.slice('history.'.length) as Exclude<keyof ChildHistory, 'contactsLast12Months'>] = true;
    }
  }
  return { input: { ...input, children, adults }, history: { ...history, priorContacts } };
}
