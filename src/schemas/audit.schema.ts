import { z } from '@hono/zod-openapi';

export const ChainBreakSchema = z.object({
  la: z.string(),
  chainIndex: z.number().int(),
  entryId: z.string().nullable().openapi({ description: 'The entry found at the break; null when the break is a missing entry' }),
  reason: z.enum(['wrong-authority', 'index-gap', 'beyond-head', 'prev-hash-mismatch', 'hash-mismatch', 'unsupported-hash', 'head-missing', 'head-mismatch']),
  detail: z.string(),
}).openapi('ChainBreak');

export const ChainReportSchema = z.object({
  la: z.string(),
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  head: z.object({ chainIndex: z.number().int(), hash: z.string() }).nullable(),
  firstBreak: ChainBreakSchema.nullable(),
  checkedAt: z.string(),
}).openapi('ChainReport');
