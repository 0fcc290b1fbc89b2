import { z } from '@hono/zod-openapi';

export const ShareCellSchema = z.object({
  count: z.number().int(),
  total: z.number().int().openapi({ description: 'The denominator' }),
  share: z.number().nullable().openapi({ description: 'count / total to four places; null when total is 0' }),
  smallNumber: z.boolean().openapi({ description: 'true when count or total is under 5: shown, to be read with care and not published' }),
});

const Recontact = {
  within6Months: ShareCellSchema.openapi({ description: 'Of contacts whose six months have passed, those followed by another contact about the same child within 183 days' }),
  within12Months: ShareCellSchema.openapi({ description: 'Of contacts whose twelve months have passed, those followed by another contact about the same child within 365 days' }),
};

export const ScreeningOutcomesSchema = z.object({
  localAuthority: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  smallNumberThreshold: z.number().int(),
  national: z.object({ rereferralRate: z.number(), note: z.string() }),
  closedNoAction: z.number().int().openapi({ description: 'Contacts closed in the period with no further action or information and advice' }),
  pending: z.object({ within6Months: z.number().int(), within12Months: z.number().int() })
    .openapi({ description: 'Contacts whose window has not yet passed: left out of that window’s figures, both ways' }),
  overall: z.object(Recontact),
  byRule: z.array(z.object({ rule: z.string(), ...Recontact })).openapi({ description: 'By each rule that fired in the triage the decision answered' }),
  byDeclinedPrompt: z.array(z.object({ action: z.string(), ...Recontact })).openapi({ description: 'By each prompt the decision declined (`none declined` for decisions that declined none)' }),
  byScreener: z.array(z.object({ screener: z.string(), ...Recontact })),
  byTeam: z.array(z.object({ team: z.string(), ...Recontact })).openapi({ description: 'By the screener’s team today (`no team` when in none)' }),
  overriddenPrompts: z.array(z.object({
    action: z.string(),
    overridden: z.number().int(),
    borneOut: z.number().int().openapi({ description: 'Twelve months passed with no later contact about the child that ended in action' }),
    notBorneOut: z.number().int().openapi({ description: 'A later contact about the child within twelve months ended in action (not NFA or advice)' }),
    pending: z.number().int(),
    notBorneOutShare: ShareCellSchema,
  })),
}).openapi('ScreeningOutcomes');
