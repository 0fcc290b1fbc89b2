import { z } from '@hono/zod-openapi';
import { INDICATORS, PRIORITIES, PROMPT_ACTIONS } from './codes.js';

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

export const NearMissesSchema = z.object({
  contactId: z.string(),
  triageId: z.string(),
  ruleSet: z.object({ name: z.string(), version: z.string(), hash: z.string() }),
  priority: z.enum(PRIORITIES),
  nearMisses: z.array(z.object({
    ruleId: z.string(),
    summary: z.string(),
    prompts: z.array(z.object({ action: z.enum(PROMPT_ACTIONS), indicator: z.enum(INDICATORS) })),
    highestIndicator: z.enum(INDICATORS),
    failing: z.array(z.object({
      fact: z.string(),
      description: z.string(),
      seen: z.unknown(),
      operator: z.string(),
      value: z.unknown(),
      needed: z.string().openapi({ example: 'is at least 2' }),
      alternative: z.boolean().openapi({ description: 'One of an any-group: meeting any one of the group would have been enough for that part' }),
    })),
  })).openapi({ description: 'Rules that did not fire, those that would raise a critical prompt first, then the nearest' }),
}).openapi('NearMisses');
