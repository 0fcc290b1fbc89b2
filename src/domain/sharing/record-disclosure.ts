import { findContact } from '../../db/repositories/contacts.repo.js';
import { appendAudit } from '../../db/repositories/audit.repo.js';
import { insertSharing } from '../../db/repositories/sharing.repo.js';
import type { SharingRow } from '../../db/schema.js';
import type { DisclosureInput } from '../../schemas/sharing.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';
import { sharingEntry } from './sharing-entry.js';
import { sharingView } from './sharing-view.js';

/** Records information this service gave a partner about a contact, with the basis it was given on. */
export async function recordDisclosure({ ctx, contactId, input }: { ctx: VerbContext; contactId: string; input: DisclosureInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'record a disclosure to a partner');
  if (!await findContact(deps.db, actor.la, contactId)) throw new NotFound(`Contact ${contactId}`);
  const { row, event } = sharingEntry(ctx, { contactId, partner: input.partner, kind: 'disclosure', checkId: null, shared: input.shared }, input.sharing, '/sharing');
  await deps.db.transaction().execute(async (tx) => {
    await insertSharing(tx, row);
    await appendAudit(tx, [event]);
  });
  return sharingView(row as SharingRow);
}
