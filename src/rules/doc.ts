import type { PromptAction } from '../schemas/codes.js';
import { ACTION_SUMMARIES } from './actions.js';
import { describeCondition } from './describe-condition.js';
import { describeRationale, syntaxOf, type TemplateSyntax } from './rationale.js';
import type { RuleDefinition } from './rule-file.js';
import type { RuleSet } from './rule-set.js';
import { accuracyTable, type AccuracySummary } from './accuracy/summary.js';
import { describeResponseTable } from './response/describe.js';
import type { AuthoritySettings } from './settings.js';
import { countOf } from '../lib/plural.js';

export interface RuleDocInput {
  ruleSet: RuleSet;
  settings: { la: string | null; hash: string; values: AuthoritySettings };
  inUseSince: Date | null;
  generatedAt: Date;
  /** The pack's figures on the labelled corpus, where measured (scripts only: the corpus is not part of the service). */
  accuracy?: AccuracySummary | null;
}

function ruleSection(rule: RuleDefinition, settings: AuthoritySettings, syntax: TemplateSyntax): string[] {
  const top = rule.conditions;
  const list = 'all' in top ? top.all : 'any' in top ? top.any : [];
  const only = (list.length === 1 ? list[0] : undefined) ?? top;
  return [
    `## ${rule.summary}`,
    '',
    `Rule \`${rule.id}\` · weight ${rule.weight}`,
    '',
    '**It applies when**',
    '',
    ...describeCondition(only, settings),
    '',
    '**It prompts**',
    '',
    ...rule.prompts.map((p) => `- ${ACTION_SUMMARIES[p.action as PromptAction]} (\`${p.action}\`, ${p.indicator})`),
    '',
    '**Why** (the words the screener sees; [fact] is filled in from the contact)',
    '',
    `> ${describeRationale(rule.rationale, syntax)}`,
    '',
    '**Sources**',
    '',
    ...rule.sources.map((s) => `- ${s}`),
    '',
  ];
}

function settingsSection({ la, hash, values }: RuleDocInput['settings']): string[] {
  const rows = Object.entries(values).map(([key, value]) => {
    if (key === 'nonWorkingDays' && Array.isArray(value)) {
      const days = [...value].sort();
      return [key, days.length ? `${countOf(days.length, 'day')}, ${days[0]} to ${days.at(-1)}` : 'none'];
    }
    return [key, typeof value === 'object' ? JSON.stringify(value) : String(value)];
  });
  return [
    `## Settings in force${la ? ` for ${la}` : ' (national defaults)'}`,
    '',
    `Settings hash \`${hash}\`. Where a rule compares with a setting, the value here is the one it uses.`,
    '',
    '| setting | value |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ];
}

function accuracySection(hash: string, accuracy: AccuracySummary | null): string[] {
  if (!accuracy) return ['## How well it does', '', 'Not measured: run `npm run rules:evaluate -- --write`.', ''];
  const stale = accuracy.pack.hash === hash ? [] : [`**These figures were measured for another version of the pack** (\`${accuracy.pack.hash}\`); measure again.`, ''];
  return ['## How well it does', '', ...stale, ...accuracyTable(accuracy), ''];
}

/**
 * The transparency record of a rule set, generated from the rule files
 * themselves so it cannot drift from what runs: for each rule, when it
 * applies, what it prompts, why and on what authority.
 */
export function renderRuleDoc(input: RuleDocInput): string {
  const { ruleSet, settings, inUseSince, generatedAt, accuracy } = input;
  return [
    `# ${ruleSet.name}: how contacts are triaged`,
    '',
    `- Version: ${ruleSet.version}`,
    `- Rule set hash: \`${ruleSet.hash}\` (recorded on every triage it made)`,
    ...(inUseSince ? [`- In use since: ${inUseSince.toISOString()}`] : []),
    `- Generated: ${generatedAt.toISOString()}`,
    '',
    'These rules never decide. Each one, when it applies, raises prompts for the screener with its reason; the screener decides, and a',
    'decision that departs from a critical prompt, or from the suggested route or urgency, is reviewed by a manager.',
    ruleSet.response ? '' : 'This pack has no response table: a contact is red when a critical prompt is raised or a child is in immediate danger, amber when a warning is raised, and green otherwise.',
    '',
    ...accuracySection(ruleSet.hash, accuracy ?? null),
    ...settingsSection(settings),
    ...(ruleSet.response ? describeResponseTable(ruleSet.response, settings.values, syntaxOf(ruleSet.manifest)) : []),
    '## Rules',
    '',
    ...ruleSet.rules.flatMap((rule) => ruleSection(rule, settings.values, syntaxOf(ruleSet.manifest))),
  ].join('\n');
}
