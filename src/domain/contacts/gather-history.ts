import { countPriorContacts } from '../../db/repositories/contacts.repo.js';
import type { ChildHistory, HistoryEvidence } from '../../rules/facts.js';
import type { ContactInput } from '../../schemas/contact.schema.js';
import type { Deps } from '../context.js';

/**
 * What is known about the children beyond this contact: this service's own
 * earlier contacts, and the case system's CP/CiN history where one is
 * configured. A case system that fails never stops the triage; it makes the
 * history incomplete, and the triage says so.
 */
export async function gatherHistory(deps: Deps, la: string, input: ContactInput): Promise<HistoryEvidence> {
  const keys = input.children.map((c) => ({ personId: c.personId ?? null, nhsNumber: c.nhsNumber ?? null }));
  const caseSystem = deps.caseSystem;
  const [priorContacts, lookups] = await Promise.all([
    countPriorContacts(deps.db, la, keys, new Date(input.receivedAt)),
    Promise.allSettled(keys.map((key) => (caseSystem && (key.personId || key.nhsNumber) ? caseSystem.historyFor(key, la) : Promise.resolve(null)))),
  ]);
  const failed = lookups.filter((l) => l.status === 'rejected');
  if (failed.length > 0) {
    deps.logger.warn({ failures: failed.length, reason: String((failed[0] as PromiseRejectedResult).reason) }, 'case system history incomplete');
  }
  return {
    priorContacts,
    caseSystem: lookups.map((l) => (l.status === 'fulfilled' ? (l.value as ChildHistory | null) : null)),
    complete: failed.length === 0,
  };
}
