import type { PracticeContactRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';

type Stored = Pick<PracticeContactRow, 'id' | 'reference' | 'source' | 'title' | 'added_at'> & { expected: unknown; triage: unknown };

export interface Expected { route: string; urgency: string; outcome?: string; reasoning?: string }

/** A practice contact in the bank's list: enough to choose it for an exercise, with its label. */
export function practiceSummary(row: Stored) {
  const expected = row.expected as Expected | null;
  return {
    id: row.id, reference: row.reference, source: row.source, title: row.title,
    expected: expected && { route: expected.route, urgency: expected.urgency },
    priority: (row.triage as { priority: string }).priority,
    addedAt: iso(row.added_at)!,
  };
}
