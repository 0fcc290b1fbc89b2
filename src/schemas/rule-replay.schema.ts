import { z } from '@hono/zod-openapi';
import { isoDate } from './sample.schema.js';

export const MAX_CANDIDATE_FILES = 200;
export const MAX_CRITICAL_LOSSES_SHOWN = 1000;

export const RuleReplayInputSchema = z.strictObject({
  files: z.record(z.string().regex(/^[a-z0-9-]+\.json$/, 'must be a rule file name such as under-one.json'), z.string().max(64 * 1024))
    .refine((files) => Object.keys(files).length <= MAX_CANDIDATE_FILES, `at most ${MAX_CANDIDATE_FILES} files`)
    .openapi({ description: 'The candidate pack: every rule file by name, and pack.json, as their text' }),
  from: isoDate.optional().openapi({ description: 'Contacts received from this day (inclusive)' }),
  to: isoDate.optional().openapi({ description: 'Contacts received before this day' }),
}).openapi('RuleReplayInput');
export type RuleReplayInput = z.infer<typeof RuleReplayInputSchema>;

export const RuleReplayReportSchema = z.object({
  candidate: z.object({ name: z.string(), version: z.string(), hash: z.string() }),
  contacts: z.number().int(),
  priorityMatrix: z.record(z.string(), z.record(z.string(), z.number().int())).openapi({ description: 'from (as recorded) → to (with the candidate) → contacts' }),
  promptsGained: z.record(z.string(), z.number().int()),
  promptsLost: z.record(z.string(), z.number().int()),
  criticalLost: z.array(z.object({ contactId: z.string(), la: z.string(), actions: z.array(z.string()) }))
    .openapi({ description: `Every contact that would lose a critical prompt (the first ${MAX_CRITICAL_LOSSES_SHOWN}; see criticalLostCount)` }),
  criticalLostCount: z.number().int(),
}).openapi('RuleReplayReport');
