import { SAMPLE_CSV_COLUMNS } from '../../schemas/sample.schema.js';
import type { AuditSample } from './draw-sample.js';

type Cell = string | number | boolean | null | undefined;

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per sampled contact, in sample order, under the documented header. */
export function sampleCsv(sample: AuditSample): string {
  const lines = [SAMPLE_CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const c of sample.contacts) {
    const decision = c.decision;
    const latestReview = decision ? c.reviews.find((r) => r.decisionId === decision.id) ?? null : null;
    const declined = (c.decision?.promptResponses as { action: string; response: string }[] | undefined ?? [])
      .filter((r) => r.response === 'declined').map((r) => r.action);
    const row: Cell[] = [
      c.id, c.receivedAt, c.closedAt, c.triage.priority, c.triage.score, c.referrerGroup, c.youngestAgeMonths,
      c.decision?.outcome, c.finalOutcome, c.overridden, declined.join(';'), c.decision?.decidedBy,
      latestReview?.reviewedBy, latestReview?.verdict, c.triage.ruleSet.hash, c.stratum,
      c.informationSharing.filter((r) => r.consent !== 'given').length,
      c.informationSharing.map((r) => [r.kind, r.partner, r.lawfulBasis, r.consent, ...(r.withoutConsentReason ? [r.withoutConsentReason] : [])].join(':')).join(';'),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
