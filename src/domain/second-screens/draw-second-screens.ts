import { appendAudit } from '../../db/repositories/audit.repo.js';
import { insertDraw, listDrawCandidates, lockDraws } from '../../db/repositories/second-screens.repo.js';
import type { NewSecondScreenRow } from '../../db/schema.js';
import { present } from '../../lib/one-of.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { type Criterion, selectForSecondScreen } from './selection.js';

/** Decisions considered in one draw at most; a larger backlog is taken by the next draw. */
export const DRAW_BATCH = 5000;

/**
 * Considers every decision that has stood since the last draw, once each,
 * and opens a blind second screen on those the authority's rules draw. The
 * draw, its seed and settings, and each selection are in the audit trail;
 * the selection reason is shown to managers and auditors only, as it would
 * tell the second screener what the first decided.
 */
export async function drawSecondScreens({ ctx }: { ctx: VerbContext }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager', 'admin'], 'draw contacts for a second screen');
  const settings = deps.settings.forAuthority(actor.la);
  const rules = settings.values.secondScreening;
  const now = deps.clock.now();
  const drawId = deps.ids('ssd');
  return deps.db.transaction().execute(async (tx) => {
    await lockDraws(tx, actor.la);
    const candidates = await listDrawCandidates(tx, actor.la, DRAW_BATCH);
    const considered = candidates.map((candidate) => ({ candidate, ...selectForSecondScreen(candidate, rules) }));
    const drawn = considered.flatMap((k) => (k.criterion === null ? [] : [{ ...k, criterion: k.criterion }]));
    const screens: (NewSecondScreenRow & { criterion: Criterion })[] = drawn.map((k) => ({
      id: deps.ids('ssc'), la: actor.la, contact_id: k.candidate.contact_id, decision_id: k.candidate.decision_id, draw_id: drawId,
      criterion: k.criterion, first_outcome: k.candidate.standing_outcome, first_decided_by: k.candidate.decided_by,
      selected_at: now, status: 'awaiting_screen',
    }));
    const drawValues = new Map(considered.map((k) => [k.candidate.contact_id, k.drawValue]));
    const drawValueOf = (contactId: string) => present(drawValues.get(contactId), 'draw value');
    await insertDraw(tx, {
      id: drawId, la: actor.la, drawn_by: actor.sub, drawn_at: now, seed: rules.seed, settings_hash: settings.hash, rules,
      considered: candidates.length, selected: screens.length,
    }, considered.map((k) => ({
      contact_id: k.candidate.contact_id, decision_id: k.candidate.decision_id, draw_value: k.drawValue, selected: k.criterion !== null, criterion: k.criterion,
    })), screens);
    await appendAudit(tx, [
      {
        la: actor.la, contactId: null, action: 'second_screen.drawn', actor, at: now,
        detail: { drawId, seed: rules.seed, settingsHash: settings.hash, considered: candidates.length, selected: screens.map((s) => s.id), requestId: ctx.requestId },
      },
      ...screens.map((s) => ({
        la: actor.la, contactId: s.contact_id, action: 'second_screen.selected', actor, at: now,
        detail: {
          secondScreenId: s.id, drawId, decisionId: s.decision_id, criterion: s.criterion, drawValue: drawValueOf(s.contact_id),
          seed: rules.seed, settingsHash: settings.hash, requestId: ctx.requestId,
        },
      })),
    ]);
    deps.logger.info({ drawId, considered: candidates.length, selected: screens.length, requestId: ctx.requestId }, 'second screens drawn');
    return {
      id: drawId, drawnAt: now.toISOString(), seed: rules.seed, settingsHash: settings.hash, rules,
      considered: candidates.length,
      selected: screens.map((s) => ({ secondScreenId: s.id, contactId: s.contact_id, criterion: s.criterion, drawValue: drawValueOf(s.contact_id) })),
    };
  });
}
