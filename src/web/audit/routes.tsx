import { Hono } from 'hono';
import { drawAuditSample } from '../../domain/audit/draw-sample.js';
import { readTrail } from '../../domain/audit/read-trail.js';
import { sampleCsv } from '../../domain/audit/sample-csv.js';
import { summariseContacts } from '../../domain/contacts/summarise-contacts.js';
import type { Deps } from '../../domain/context.js';
import { ValidationFailed, type FieldError } from '../../domain/errors.js';
import { zodFieldErrors } from '../../http/problem.js';
import { AuditSampleQuery } from '../../schemas/sample.schema.js';
import { fieldErrorsInWords, type Question } from '../messages.js';
import { sessionOf, webVerbContext, type WebContext, type WebEnv } from '../session.js';
import { AuditPage, type SampleForm } from './audit-page.js';
import { TrailPage } from './trail-page.js';
import { partnerNamesOf } from '../code-words.js';

/** The sample's query as the API takes it: repeated checkboxes become comma lists. */
function sampleQuery(c: WebContext): SampleForm {
  const all = c.req.queries();
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, k === 'outcome' || k === 'priority' ? v.join(',') : v[0]]).filter(([, v]) => v !== '' && v !== undefined));
}
const QUESTIONS: Record<string, Question> = {
  closedFrom: { what: 'the first day of closure', kind: 'date', example: '2026-10-01' },
  closedTo: { what: 'the last day of closure', kind: 'date', example: '2026-10-31' },
  maxAgeMonths: { what: 'the youngest child’s age in months', kind: 'enter' },
  outcome: { what: 'at least one outcome', kind: 'choose' }, priority: { what: 'at least one priority', kind: 'choose' },
  referrerGroup: { what: 'the referrer', kind: 'choose' }, overridden: { what: 'whether the decision departed from the triage', kind: 'choose' },
  screener: { what: 'the screener’s user id', kind: 'enter' }, size: { what: 'how many contacts to draw', kind: 'enter' },
  seed: { what: 'the seed', kind: 'enter' }, stratify: { what: 'how to stratify', kind: 'choose' },
  perStratum: { what: 'how many contacts from each group', kind: 'enter' },
};
const fieldErrors = (errors: readonly FieldError[]) => fieldErrorsInWords(errors, QUESTIONS, 'size');

/** An auditor's sample of closed contacts (and its CSV), and the trail of one contact. */
export function auditRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  app.get('/audit', async (c) => {
    const form = sampleQuery(c);
    if (!form.draw) return c.html(<AuditPage session={sessionOf(c)} form={form} sample={null} errors={{}} csvHref={null} />);
    const { draw: _draw, ...query } = form;
    const parsed = AuditSampleQuery.safeParse(query);
    if (!parsed.success) return c.html(<AuditPage session={sessionOf(c)} form={form} sample={null} errors={fieldErrors(zodFieldErrors(parsed.error))} csvHref={null} />, 400);
    const sample = await drawAuditSample({ ctx: webVerbContext(c, deps), query: parsed.data });
    const csvHref = `/audit/sample.csv?${new URLSearchParams({ ...(query as Record<string, string>), seed: sample.seed })}`;
    const summaries = await summariseContacts({ ctx: webVerbContext(c, deps), ids: sample.contacts.map((s) => s.id) });
    return c.html(<AuditPage session={sessionOf(c)} form={{ ...form, seed: sample.seed }} sample={sample} errors={{}} csvHref={csvHref} summaries={summaries} />);
  });

  app.get('/audit/sample.csv', async (c) => {
    const parsed = AuditSampleQuery.safeParse({ ...sampleQuery(c), format: 'csv' });
    if (!parsed.success) throw new ValidationFailed('The sample’s filters are not valid', zodFieldErrors(parsed.error));
    const sample = await drawAuditSample({ ctx: webVerbContext(c, deps), query: parsed.data });
    return c.body(sampleCsv(sample), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-sample-${sample.seed}.csv"`,
    });
  });

  app.get('/contacts/:id/trail', async (c) => {
    const trail = await readTrail({ ctx: webVerbContext(c, deps), contactId: c.req.param('id') });
    const summaries = await summariseContacts({ ctx: webVerbContext(c, deps), ids: [trail.contactId] });
    return c.html(<TrailPage session={sessionOf(c)} trail={trail} summary={summaries.get(trail.contactId)} partnerNames={partnerNamesOf(deps.checks.partners)} />);
  });
  return app;
}
