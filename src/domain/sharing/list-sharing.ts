import { findContact } from '../../db/repositories/contacts.repo.js';
import { listSharingForContact } from '../../db/repositories/sharing.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';
import { sharingView } from './sharing-view.js';

/** The information-sharing ledger of one contact: every check and disclosure, with its basis, oldest first. */
export async function listSharing({ ctx, contactId }: { ctx: VerbContext; contactId: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager', 'auditor'], 'read the information-sharing ledger');
  if (!await findContact(deps.db, actor.la, contactId)) throw new NotFound(`Contact ${contactId}`);
  return { records: (await listSharingForContact(deps.db, actor.la, contactId)).map(sharingView) };
}
