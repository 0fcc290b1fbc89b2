import type { PracticeContactRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';
import type { PracticeContactSummary } from '../../schemas/calibration.schema.js';
import type { Priority, Route, Urgency } from '../../schemas/codes.js';
import type { Outcome } from '../../schemas/decision.schema.js';

type Stored = Pick<PracticeContactRow, 'id' | 'reference' | 'source' | 'title' | 'added_at'> & { expected: unknown; triage: unknown };

/** The bank's label, stored as PracticeContactInput validated it. */
export interface Expected { route: Route; urgency: Urgency; outcome?: Outcome; reasoning?: string }

/** A practice contact in the bank's list: enough to choose it for an exercise, with its label. */
export function practiceSummary(row: Stored): PracticeContactSummary {
  const expected = row.expected as Expected | null;
  return {
    id: row.id, reference: row.reference, source: row.source, title: row.title,
    expected: expected && { route: expected.route, urgency: expected.urgency },
    priority: (row.triage as { priority: Priority }).priority,
    addedAt: iso(row.added_at),
  };
}
