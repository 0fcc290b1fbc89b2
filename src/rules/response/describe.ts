import { describeCondition } from '../describe-condition.js';
import { describeRationale, type TemplateSyntax } from '../rationale.js';
import type { AuthoritySettings } from '../settings.js';
import type { ResponseTable } from './response-file.js';

const words = (code: string) => code.replace(/_/g, ' ');

/** The response table in plain words, for the transparency record: each row with when it applies and why. */
export function describeResponseTable(table: ResponseTable, settings: AuthoritySettings, syntax: TemplateSyntax): string[] {
  const when = (condition: Parameters<typeof describeCondition>[0] | undefined) =>
    condition ? describeCondition(condition, settings) : ['- always (the last row: every contact gets one)'];
  const rows = <T extends { id: string; reason: string; when?: Parameters<typeof describeCondition>[0] }>(heading: string, list: T[], outcome: (row: T) => string) => [
    `### ${heading}`,
    '',
    ...list.flatMap((row, i) => [`**${i + 1}. ${outcome(row)}** (\`${row.id}\`)`, '', ...when(row.when), '', `> ${describeRationale(row.reason, syntax)}`, '']),
  ];
  return [
    '## Route and urgency',
    '',
    'The route (what happens next) and the urgency (how fast it starts) are decided apart from the prompts, by the table in',
    '`response.json`. Route and urgency rows are read in order and the first that applies is used. Modifiers then raise or',
    'lower the urgency, each with its reason; floors are minimums that nothing can go below; duties follow from the route.',
    'The colour is a view of the urgency: red within hours or the same day, amber one working day, green three working days or none.',
    `Guard prompts (${table.guards.map(words).join(', ')}) set no urgency: they stand against a decision of no further`,
    'action or advice, which must answer them.',
    '',
    ...rows('Routes, first match', table.routes, (r) => words(r.route)),
    ...rows('Urgency, first match', table.urgency, (r) => words(r.urgency)),
    ...rows('Modifiers', table.modifiers, (m) => `${m.move} to ${words(m.to)} (${words(m.kind)})`),
    ...rows('Floors', table.floors, (f) => `at least ${words(f.route)}, ${words(f.urgency)}; prompts ${f.prompts.map(words).join(', ')}`),
    ...rows('Duties that follow from the route', table.duties, (d) => `prompts ${d.prompts.map(words).join(', ')}`),
    '### What a prompt implies',
    '',
    ...Object.entries(table.implies).map(([action, implied]) => `- ${words(action)} implies ${(implied ?? []).map(words).join(', ')}`),
    '',
  ];
}
