import { z } from '@hono/zod-openapi';

const RuleSetRef = z.object({ name: z.string().nullable(), version: z.string().nullable(), hash: z.string() });

export const ReplaySchema = z.object({
  contactId: z.string(),
  identical: z.boolean().openapi({ description: 'True when every stored triage is reproduced exactly by its own rule set' }),
  ruleSet: RuleSetRef.openapi({ description: 'The rule set of the latest triage, loaded by hash and checked against it' }),
  differences: z.array(z.object({
    sequence: z.number().int(),
    field: z.string().openapi({ example: 'rules.minimising-language' }),
    stored: z.unknown(),
    replayed: z.unknown(),
  })),
  triages: z.array(z.object({ triageId: z.string(), sequence: z.number().int(), ruleSet: RuleSetRef, identical: z.boolean() })),
}).openapi('Replay');
