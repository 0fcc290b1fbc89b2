import type { readTrail } from '../../domain/audit/read-trail.js';
import { formatInstant } from '../components.js';
import { childrenInWords, contactDetails } from '../contact-name.js';
import type { ContactSummary } from '../../domain/contacts/summarise-contacts.js';
import { statusWords, type PartnerNames } from '../code-words.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';
import { SharingEventLine } from '../sharing/sharing-event.js';
import { checkWords, eventTitle, eventWords, statusChangeWords } from './trail-event-words.js';
import { linesSummary, trailLines, type TrailEvent, type TrailLine } from './trail-lines.js';

type Trail = Awaited<ReturnType<typeof readTrail>>;
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
const by = (e: TrailEvent) => `${e.actor.sub} (${e.actor.role})`;

function Line({ line, names }: { line: TrailLine; names: PartnerNames }) {
  if (line.kind === 'reads') {
    const when = line.first === line.last ? `on ${formatInstant(line.first)}` : `first ${formatInstant(line.first)}, last ${formatInstant(line.last)}`;
    return (
      <li class="app-timeline__event app-timeline__event--reads">
        <p class="govuk-body-s">Read {times(line.events.length)} by {people(line.people.length)} ({line.people.join(', ')}), {when}</p>
      </li>
    );
  }
  if (line.kind === 'checks') {
    const [first] = line.events;
    return (
      <li class="app-timeline__event">
        <h2 class="govuk-heading-s">{eventTitle(line.action)}</h2>
        <p class="govuk-body-s">{first ? `${formatInstant(first.at)} · ${by(first)}` : ''}</p>
        <ul class="govuk-list govuk-list--bullet govuk-body-s">{line.events.map((e) => <li>{checkWords(e, names)}</li>)}</ul>
      </li>
    );
  }
  const { event } = line;
  const words = eventWords(event);
  const change = statusChangeWords(event);
  return (
    <li class="app-timeline__event">
      <h2 class="govuk-heading-s">{eventTitle(event.action)}</h2>
      <p class="govuk-body-s">{formatInstant(event.at)} · {by(event)}{change ? ` · ${change}` : ''}</p>
      {words ? <p class="govuk-body app-trail-words">{words}</p> : null}
      <SharingEventLine detail={event.detail as Record<string, unknown>} names={names} />
    </li>
  );
}

/** The timeline of one contact: what changed, who did it in what role, the outcome and verdict in words; runs of reads as one line each. */
export function TrailPage({ session, trail, summary, partnerNames = {} }: { session: WebSession; trail: Trail; summary?: ContactSummary | undefined; partnerNames?: PartnerNames }) {
  const lines = trailLines(trail.events);
  const counted = linesSummary(lines);
  return (
    <Layout title={`Trail: ${childrenInWords(summary)}`} session={session}>
      <span class="govuk-caption-l">{childrenInWords(summary)}</span>
      <h1 class="govuk-heading-l">Trail</h1>
      <p class="govuk-body-s">{contactDetails(summary)} · contact {trail.contactId}</p>
      <p class="govuk-body">Status now: {statusWords(trail.status)}. {counted.events} events, {counted.reads} of them reads, shown as {counted.lines} lines. Every event is chained by hash to the one before it{trail.checkpoint ? `; the latest signed checkpoint covers ${trail.checkpoint.treeSize} entries of the authority’s log` : ''}. The full trail, with each event’s inclusion proof, is in the API.</p>
      <ol class="govuk-list app-timeline" id="trail">
        {lines.map((line) => <Line line={line} names={partnerNames} />)}
      </ol>
    </Layout>
  );
}
