import type { AuditEvent } from '../../audit/entry.js';
import type { Database } from '../../db/client.js';
import { checksWrites, insertChecks, type NewCheck } from '../../db/repositories/checks.repo.js';
import { transferWrite } from '../../db/repositories/transfers.repo.js';
import type { PendingWrite } from '../../db/repositories/write-together.js';
import type { NewTransferRow } from '../../db/schema.js';
import { addWorkingDays } from '../../lib/working-days.js';
import { partnerEndpoint } from '../../rules/partner-settings.js';
import type { Priority, PromptAction } from '../../schemas/codes.js';
import type { ContactInput } from '../../schemas/contact.schema.js';
import type { ContactRows } from '../contacts/contact-view.js';
import type { VerbContext } from '../context.js';
import { planTransfer } from '../transfers/plan-transfer.js';
import { planChecks, type CheckPerson } from './plan-checks.js';

/** What a newly triaged contact sets going: the rows to insert with it and their trail entries. */
export interface FollowUps {
  checks: NewCheck[];
  transfer: NewTransferRow | null;
  events: AuditEvent[];
}

/**
 * What a newly triaged contact sets going with other agencies: a check
 * request to each partner its prompts call for, and a transfer record when
 * the family moved in with a plan elsewhere. Plans only: the caller writes
 * the rows and entries in the contact's own statement (followUpWrites);
 * nothing is sent from here (the dispatcher sends after commit).
 */
export function planFollowUps(ctx: VerbContext, rows: ContactRows, prompts: readonly { action: PromptAction }[]): FollowUps {
  const { deps, actor } = ctx;
  const { contact } = rows;
  const now = deps.clock.now();
  const { checks, events } = planCheckRows(ctx, rows, prompts, new Set());
  const settings = deps.settings.forAuthority(contact.la);
  const record = contact.record as unknown as ContactInput;
  const transfer = planTransfer(record.movement, new Date(contact.received_at), deps.checks.partners.transferAcknowledgementHours, settings.calendar);
  if (!transfer) return { checks, transfer: null, events };
  const id = deps.ids('trf');
  events.push({
    la: contact.la, contactId: contact.id, action: 'transfer.opened', actor, at: now,
    detail: {
      transferId: id, plan: transfer.plan, fromLa: transfer.fromLa, previousAuthorityNotified: transfer.previousAuthorityNotified,
      acknowledgementDueAt: transfer.acknowledgementDueAt.toISOString(), conferenceDueAt: transfer.conferenceDueAt?.toISOString() ?? null,
      requestId: ctx.requestId,
    },
  });
  return {
    checks, events,
    transfer: {
      id, la: contact.la, contact_id: contact.id, from_la: transfer.fromLa, plan: transfer.plan, moved_in_on: transfer.movedInOn,
      status: 'awaiting_acknowledgement', aware_at: transfer.awareAt, previous_authority_notified: transfer.previousAuthorityNotified,
      previous_authority_notified_at: transfer.previousAuthorityNotifiedAt, acknowledgement_due_at: transfer.acknowledgementDueAt,
      conference_due_at: transfer.conferenceDueAt, created_at: now,
    },
  };
}

/** The inserts of the follow-ups' rows (not their trail entries, which go with the contact's own), for writeTogether. */
export function followUpWrites(db: Database, followUps: FollowUps): PendingWrite[] {
  return [...checksWrites(db, followUps.checks), ...(followUps.transfer ? [transferWrite(db, followUps.transfer)] : [])];
}

type PeopleRows = Pick<ContactRows, 'contact' | 'children' | 'adults'>;

/**
 * Opens a check for each partner the prompts call for and `asked` does not
 * already hold; returns the trail entries for the caller to append.
 */
export async function openChecks(
  tx: Database, ctx: VerbContext, rows: PeopleRows, prompts: readonly { action: PromptAction }[], asked: ReadonlySet<string>,
): Promise<AuditEvent[]> {
  const { checks, events } = planCheckRows(ctx, rows, prompts, asked);
  await insertChecks(tx, checks);
  return events;
}

/** The checks openChecks would open, and their trail entries, without writing anything. */
function planCheckRows(
  ctx: VerbContext, rows: PeopleRows, prompts: readonly { action: PromptAction }[], asked: ReadonlySet<string>,
): { checks: NewCheck[]; events: AuditEvent[] } {
  const { deps, actor } = ctx;
  const { contact } = rows;
  const la = contact.la;
  const now = deps.clock.now();
  const settings = deps.settings.forAuthority(la);
  const record = contact.record as unknown as ContactInput;
  const partners = deps.checks.partners;

  const people: CheckPerson[] = [
    ...rows.children.map((c) => ({ id: c.id, kind: 'child' as const, position: c.position, role: null, allegedPerpetrator: false, livesWithChild: null })),
    ...rows.adults.map((a) => {
      const adult = a.record as { allegedPerpetrator?: boolean | null; livesWithChild?: boolean | null };
      return { id: a.id, kind: 'adult' as const, position: a.position, role: a.role, allegedPerpetrator: adult.allegedPerpetrator === true, livesWithChild: adult.livesWithChild ?? null };
    }),
  ];
  const children = rows.children.map((c) => c.record as { unborn: boolean; ageMonths: number | null });
  const planned = planChecks(prompts.map((p) => p.action), { record, children }, people).filter((p) => !asked.has(p.partner));
  const priority = contact.priority as Priority;

  const checks: NewCheck[] = planned.map((p) => {
    const url = partnerEndpoint(partners, la, p.partner, p.partnerLa);
    return {
      id: deps.ids('chk'), la, contact_id: contact.id, partner: p.partner, partner_la: p.partnerLa,
      // Nothing leaves until a practitioner records the lawful basis and consent position (POST /checks/{id}/sharing).
      dispatch: url ? 'api' : 'by_hand', status: 'awaiting_basis', priority,
      asks: p.asks, people: p.people, requested_at: now,
      due_at: addWorkingDays(now, partners.partners[p.partner].dueWorkingDays[priority], settings.calendar),
      next_attempt_at: null,
    };
  });
  const events = checks.map((c) => ({
    la, contactId: contact.id, action: 'check.requested', actor, at: now,
    detail: {
      checkId: c.id, partner: c.partner, partnerLa: c.partner_la, dispatch: c.dispatch, status: c.status, priority,
      dueAt: new Date(c.due_at).toISOString(), asks: (c.asks as { action: string }[]).map((a) => a.action),
      people: people.map((p) => p.id), requestId: ctx.requestId,
    },
  }));
  return { checks, events };
}
