import { contactsUnderBlindScreen } from '../../db/repositories/second-screens.repo.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { ContactView } from '../contacts/contact-view.js';

/**
 * Of the given contacts, those whose decisions the actor may not see: while
 * a blind second screen waits on a contact, every screener but the one who
 * made the decision might be the one to take it.
 */
export async function decisionsHiddenFrom(db: Database, actor: Actor, contactIds: readonly string[]): Promise<Set<string>> {
  if (actor.role !== 'screener') return new Set();
  return contactsUnderBlindScreen(db, actor.la, actor.sub, contactIds);
}

/** The contact and its triage with every decision, review and the outcome that stood taken out. */
export function withoutDecisions(view: ContactView): ContactView {
  return { ...view, decision: null, decisions: [], reviews: [], finalOutcome: null };
}
