import { listAnswers, listExercisesOfTeams, listItems } from '../../db/repositories/calibration.repo.js';
import { listDecisionsBy, listScreensInvolving } from '../../db/repositories/reflection.repo.js';
import { listClosedNoAction } from '../../db/repositories/screening-outcomes.repo.js';
import { listTeamsOf } from '../../db/repositories/teams.repo.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { present } from '../../lib/one-of.js';
import { addCalendarDays, zonedInstant } from '../../lib/working-days.js';
import { OUTCOMES } from '../../schemas/decision.schema.js';
import { requireRole } from '../actor.js';
import type { Expected } from '../calibration/practice-view.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';
import { decisionsHiddenFrom } from '../second-screens/blind.js';
import { calibrationFigures, decisionFigures, recontactFigures, secondScreenFigures } from './reflection-figures.js';

export interface ReflectionQuery { from?: string | undefined; to?: string | undefined }

/**
 * A screener's own figures beside their team's, for reflection and
 * supervision: their decisions and the managers' verdicts on them, how
 * second screens agreed, how their no-action contacts turned out, and their
 * calibration results over time. A screener sees their own page; a manager
 * the pages of the screeners in teams they manage. Never a ranking: the
 * comparison is always with the team as a whole.
 */
export async function reflectOnScreening({ ctx, sub, query }: { ctx: VerbContext; sub: string; query: ReflectionQuery }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'read a screener’s own figures');
  const { calendar } = deps.settings.forAuthority(actor.la);
  const now = deps.clock.now();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: calendar.timeZone }).format(now);
  const to = query.to ?? today;
  const from = query.from ?? addCalendarDays(to, -364);
  const period = { la: actor.la, from: zonedInstant(from, '00:00', calendar.timeZone), to: zonedInstant(addCalendarDays(to, 1), '00:00', calendar.timeZone) };

  const [team] = await listTeamsOf(deps.db, actor.la, sub, 'screener');
  if (actor.role === 'screener' && actor.sub !== sub) throw new NotFound(`Screener ${sub}`);
  if (actor.role === 'manager' && !(team?.managers.includes(actor.sub))) throw new NotFound(`Screener ${sub} in a team you manage`);
  const teamSubs = team ? team.screeners : [sub];

  const [allDecisions, screens, allNoAction, exercises] = await Promise.all([
    listDecisionsBy(deps.db, actor.la, teamSubs, period.from, period.to),
    listScreensInvolving(deps.db, actor.la, teamSubs, period.from, period.to),
    listClosedNoAction(deps.db, period),
    team ? listExercisesOfTeams(deps.db, actor.la, [team.id], 'closed') : Promise.resolve([]),
  ]);
  // A small team's figures could give away a colleague's decision that is waiting for this screener's blind second screen.
  const hidden = await decisionsHiddenFrom(deps.db, actor, [...new Set([...allDecisions.map((d) => d.contact_id), ...allNoAction.map((r) => r.id)])]);
  const decisions = allDecisions.filter((d) => !hidden.has(d.contact_id));
  const noAction = allNoAction.filter((r) => !hidden.has(r.id));
  const outcomes = OUTCOMES.filter((o) => decisions.some((d) => d.outcome === o));
  const inTeam = new Set(teamSubs);
  const answers = await listAnswers(deps.db, exercises.map((e) => e.id));
  const calibration = await Promise.all(exercises
    .filter((e) => answers.some((a) => a.exercise_id === e.id && a.screener === sub))
    .sort((a, b) => new Date(present(a.closed_at, 'closed_at')).getTime() - new Date(present(b.closed_at, 'closed_at')).getTime())
    .map(async (e) => {
      const items = await listItems(deps.db, e.id);
      const labels = new Map(items.filter((i) => i.expected).map((i) => [i.id, i.expected as unknown as Expected]));
      return { exerciseId: e.id, title: e.title, closedAt: iso(present(e.closed_at, 'closed_at')), ...calibrationFigures(sub, items.map((i) => i.id), answers.filter((a) => a.exercise_id === e.id), labels) };
    }));

  return {
    screener: sub,
    team: team ? { id: team.id, name: team.name, screeners: team.screeners.length } : null,
    from, to, asOf: now.toISOString(),
    decisions: {
      yours: decisionFigures(decisions.filter((d) => d.decided_by === sub), outcomes),
      team: team ? decisionFigures(decisions, outcomes) : null,
    },
    secondScreens: {
      yours: secondScreenFigures(screens, new Set([sub])),
      team: team ? secondScreenFigures(screens, inTeam) : null,
    },
    noActionOutcomes: {
      yours: recontactFigures(noAction.filter((r) => r.decided_by === sub), now),
      team: team ? recontactFigures(noAction.filter((r) => inTeam.has(r.decided_by)), now) : null,
    },
    calibration,
  };
}

export type Reflection = Awaited<ReturnType<typeof reflectOnScreening>>;
