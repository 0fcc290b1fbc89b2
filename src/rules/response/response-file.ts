import { z } from 'zod';
import { PROMPT_ACTIONS, ROUTES, URGENCIES } from '../../schemas/codes.js';
import { FACT_CATALOGUE } from '../facts.js';
import { conditionSchema } from '../rule-file.js';

/**
 * The response table: route and urgency as a declared decision, apart from
 * the prompts. Rows are read top to bottom and the first that holds wins;
 * modifiers then move the urgency a step with their reason; floors are
 * minimums no mitigation can go below. Its conditions read the rules' facts
 * and the response facts below.
 */
export const RESPONSE_FILE = 'response.json';

export const RESPONSE_FACTS = {
  prompts: 'The prompt actions the rules raised',
  criticalPrompts: 'The prompt actions the rules raised as critical',
  route: 'The route chosen by the route table (for the urgency table and modifiers)',
} as const;

const ConditionSchema = conditionSchema([...Object.keys(FACT_CATALOGUE), ...Object.keys(RESPONSE_FACTS)]);

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');
// Templates that name only what holds are longer than the words they render to.
const Reason = z.string().min(20).max(1200);

const RouteRow = z.strictObject({ id: Id, when: ConditionSchema.optional(), route: z.enum(ROUTES), reason: Reason });
const UrgencyRow = z.strictObject({ id: Id, when: ConditionSchema.optional(), urgency: z.enum(URGENCIES), reason: Reason });

export const MODIFIER_KINDS = ['vulnerability', 'access', 'medical_need', 'protective_adult', 'time_to_event', 'other'] as const;

const Modifier = z.strictObject({
  id: Id,
  kind: z.enum(MODIFIER_KINDS),
  when: ConditionSchema,
  /** raise: to at least this urgency; lower: to at most this urgency. A modifier that would not move the urgency does nothing. */
  move: z.enum(['raise', 'lower']),
  to: z.enum(URGENCIES),
  reason: Reason,
});

const Floor = z.strictObject({
  id: Id,
  when: ConditionSchema,
  route: z.enum(ROUTES),
  urgency: z.enum(URGENCIES),
  /** Prompts that must stand whenever the floor applies: added as critical if no rule raised them. */
  prompts: z.array(z.enum(PROMPT_ACTIONS)).min(1),
  reason: Reason,
});

/** A duty that follows from the route, such as speaking with the child in s17, s20 and s47 work. */
const Duty = z.strictObject({
  id: Id,
  when: ConditionSchema,
  prompts: z.array(z.enum(PROMPT_ACTIONS)).min(1),
  reason: Reason,
  sources: z.array(z.string().min(3)).min(1),
});

const lastIsUnconditional = (rows: { when?: unknown }[]) => rows.length > 0 && rows.at(-1)?.when === undefined;

export const ResponseTableSchema = z.strictObject({
  $comment: z.string().optional(),
  routes: z.array(RouteRow).min(1).refine(lastIsUnconditional, 'the last route row must have no condition, so every contact gets a route'),
  urgency: z.array(UrgencyRow).min(1).refine(lastIsUnconditional, 'the last urgency row must have no condition, so every contact gets an urgency'),
  modifiers: z.array(Modifier),
  floors: z.array(Floor),
  duties: z.array(Duty),
  /** What a prompt implies: a strategy discussion implies information gathering and household checks. */
  implies: z.partialRecord(z.enum(PROMPT_ACTIONS), z.array(z.enum(PROMPT_ACTIONS)).min(1)),
  /** Prompts that set no urgency: they stand against a decision of no further action or advice, which must answer them. */
  guards: z.array(z.enum(PROMPT_ACTIONS)),
  sources: z.array(z.string().min(3)).min(1),
});

export type ResponseTable = z.infer<typeof ResponseTableSchema>;
