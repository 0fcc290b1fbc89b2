import { listPracticeContacts } from '../../db/repositories/practice-contacts.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { practiceSummary } from './practice-view.js';

/** The authority's bank of practice contacts, for a manager choosing an exercise. */
export async function listPracticeBank({ ctx }: { ctx: VerbContext }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager'], 'see the bank of practice contacts');
  return { practiceContacts: (await listPracticeContacts(deps.db, actor.la)).map(practiceSummary) };
}
