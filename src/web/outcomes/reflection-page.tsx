import type { Reflection } from '../../domain/reflection/reflect-on-screening.js';
import { formatInstant } from '../components.js';
import { Layout } from '../layout.js';
import { labelOf, percent } from '../second-opinion-labels.js';
import type { WebSession } from '../session.js';
import { SmallNumberTag } from '../second-opinion-parts.js';
import { countOf } from '../../lib/plural.js';

type Cell = { count: number; total: number; share: number | null; smallNumber: boolean };
/** A figure with nothing behind it, for a key the summary leaves out. */
const NONE: Cell = { count: 0, total: 0, share: null, smallNumber: true };

function Compare({ caption, rows, teamName }: { caption: string; rows: [string, Cell, Cell | null][]; teamName: string | null }) {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Figure</span></th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Yours</th>
        {teamName ? <th scope="col" class="govuk-table__header govuk-table__header--numeric">{teamName} as a whole</th> : null}
      </tr></thead>
      <tbody class="govuk-table__body">
        {rows.map(([label, yours, team]) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">{label}<SmallNumberTag show={yours.smallNumber && yours.total > 0} /></th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{percent(yours)}</td>
            {teamName ? <td class="govuk-table__cell govuk-table__cell--numeric">{team ? percent(team) : '—'}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A screener’s own figures beside their team’s: for reflection and supervision, never a ranking. */
export function ReflectionPage({ session, page }: { session: WebSession; page: Reflection }) {
  const own = session.sub === page.screener;
  const team = page.team?.name ?? null;
  const { yours, team: teamDecisions } = page.decisions;
  return (
    <Layout title={own ? 'My practice' : `Practice of ${page.screener}`} session={session}>
      <span class="govuk-caption-l">{page.from} to {page.to}</span>
      <h1 class="govuk-heading-l">{own ? 'My practice' : `${page.screener}’s practice`}</h1>
      <p class="govuk-body">For reflection and supervision. Every figure is set beside {team ? `${team} as a whole` : 'nothing: you are in no team yet'}, never beside a named colleague. Small numbers are marked: read them as prompts for a conversation, not verdicts.</p>
      <h2 class="govuk-heading-m">Decisions</h2>
      <p class="govuk-body">{countOf(yours.decisions, 'decision')}{teamDecisions ? `; the team made ${teamDecisions.decisions}` : ''}.</p>
      {Object.keys(yours.byOutcome).length === 0 ? null : (
        <>
          <Compare caption="Outcomes" teamName={team} rows={Object.keys(yours.byOutcome).map((o) => [labelOf(o), yours.byOutcome[o] ?? NONE, teamDecisions?.byOutcome[o] ?? null])} />
          <Compare caption="Departures from the triage, and the managers’ verdicts on them" teamName={team} rows={[
            ['Departed from the triage', yours.departed, teamDecisions?.departed ?? null],
            ['Endorsed', yours.verdicts.endorse ?? NONE, teamDecisions?.verdicts.endorse ?? null],
            ['Overturned', yours.verdicts.overturn ?? NONE, teamDecisions?.verdicts.overturn ?? null],
            ['Returned', yours.verdicts.return ?? NONE, teamDecisions?.verdicts.return ?? null],
          ]} />
        </>
      )}
      <h2 class="govuk-heading-m">Second screens</h2>
      <Compare caption="How blind second screens agreed" teamName={team} rows={[
        ['Second screens that agreed with the decision screened', page.secondScreens.yours.onTheirDecisions, page.secondScreens.team?.onTheirDecisions ?? null],
        ['Second screens taken that agreed with the first', page.secondScreens.yours.asSecondScreener, page.secondScreens.team?.asSecondScreener ?? null],
      ]} />
      <p class="govuk-body">Disagreements on decisions screened, as settled: the first stood {page.secondScreens.yours.settlements.first}, the second {page.secondScreens.yours.settlements.second}, neither {page.secondScreens.yours.settlements.neither}.</p>
      <h2 class="govuk-heading-m">After no further action</h2>
      <Compare caption="Families back within 12 months of a no-action outcome (once the 12 months have passed)" teamName={team} rows={[
        ['Back within 12 months', page.noActionOutcomes.yours.recontactWithin12Months, page.noActionOutcomes.team?.recontactWithin12Months ?? null],
      ]} />
      <h2 class="govuk-heading-m">Calibration over time</h2>
      {page.calibration.length === 0 ? <p class="govuk-body">No closed exercise yet.</p> : (
        <table class="govuk-table">
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Exercise</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Route as most of the team</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Urgency as most of the team</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Route as the bank’s label</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Team’s α on route</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {page.calibration.map((c) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header"><a class="govuk-link" href={`/calibration/${c.exerciseId}/results`}>{c.title}</a><br /><span class="govuk-body-s">{formatInstant(c.closedAt)}</span></th>
                <td class="govuk-table__cell govuk-table__cell--numeric">{percent(c.withTeamsCommonAnswer.route)}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{percent(c.withTeamsCommonAnswer.urgency)}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{percent(c.withBankLabel.route)}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{c.teamAlpha.routeOrdinal === null ? '—' : c.teamAlpha.routeOrdinal.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
