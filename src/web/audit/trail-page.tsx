import type { readTrail } from '../../domain/audit/read-trail.js';
import { formatInstant } from '../components.js';
import { childrenInWords, contactDetails } from '../contact-name.js';
import type { ContactSummary } from '../../domain/contacts/summarise-contacts.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';
import { SharingEventLine } from '../sharing/sharing-event.js';

type Trail = Awaited<ReturnType<typeof readTrail>>;

/** The timeline of one contact: every event, who did it in what role, and how the status moved. */
export function TrailPage({ session, trail, summary }: { session: WebSession; trail: Trail; summary?: ContactSummary | undefined }) {
  return (
    <Layout title={`Trail: ${childrenInWords(summary)}`} session={session}>
      <span class="govuk-caption-l">{childrenInWords(summary)}</span>
      <h1 class="govuk-heading-l">Trail</h1>
      <p class="govuk-body-s">{contactDetails(summary)} · contact {trail.contactId}</p>
      <p class="govuk-body">Status now: {trail.status.replace(/_/g, ' ')}. Every event is chained by hash to the one before it.</p>
      <ol class="govuk-list app-timeline">
        {trail.events.map((e) => (
          <li class="app-timeline__event">
            <h2 class="govuk-heading-s">{e.event.replace(/_/g, ' ')}</h2>
            <p class="govuk-body-s">{formatInstant(e.at)} · {e.actor.sub} ({e.actor.role}){e.change ? ` · ${e.change.statusBefore ?? 'new'} → ${e.change.statusAfter}` : ''}</p>
            <SharingEventLine detail={e.detail as Record<string, unknown>} />
          </li>
        ))}
      </ol>
    </Layout>
  );
}
