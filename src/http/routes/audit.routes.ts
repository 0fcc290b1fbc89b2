import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { drawAuditSample } from '../../domain/audit/draw-sample.js';
import { sampleCsv } from '../../domain/audit/sample-csv.js';
import type { Deps } from '../../domain/context.js';
import { COMMON_ERRORS } from '../../schemas/problem.schema.js';
import { AuditSampleQuery, AuditSampleSchema, SAMPLE_CSV_COLUMNS } from '../../schemas/sample.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const csvColumns = SAMPLE_CSV_COLUMNS.map(([name, meaning]) => `- \`${name}\`: ${meaning}`).join('\n');

const samples = createRoute({
  method: 'get',
  path: '/audit/samples',
  tags: ['Audit'],
  summary: 'A seeded random sample of the authority’s closed contacts, each with its triage, decisions and review (auditor)',
  description: `Filters combine with and. The same seed over the same data gives the same sample in the same order; without a seed one is generated and returned (also as the X-Sample-Seed header). Drawing a sample is recorded in the audit log with the filters, seed and every contact drawn, and as a read on each contact’s trail.\n\nWith \`format=csv\` the answer is text/csv, one row per contact in sample order, with these columns:\n\n${csvColumns}`,
  security: [{ bearer: [] }],
  request: { query: AuditSampleQuery },
  responses: {
    200: {
      description: 'The sample',
      headers: { 'X-Sample-Seed': { schema: { type: 'string' as const }, description: 'The seed the sample was drawn with' } },
      content: { 'application/json': { schema: AuditSampleSchema }, 'text/csv': { schema: { type: 'string' as const } } },
    },
    ...COMMON_ERRORS,
  },
});

export function auditRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(samples, async (c) => {
    const query = c.req.valid('query');
    const sample = await drawAuditSample({ ctx: verbContext(c, deps), query });
    c.header('X-Sample-Seed', sample.seed);
    if (query.format === 'csv') {
      c.header('Content-Disposition', 'attachment; filename="audit-sample.csv"');
      return c.body(sampleCsv(sample), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json(sample, 200);
  });
  return app;
}
