import { accuracyTable } from './accuracy/summary.js';
import { renderRuleDoc, type RuleDocInput } from './doc.js';

/*
 * The transparency record in the structure of the UK Algorithmic
 * Transparency Recording Standard (ATRS, template v3.0): metadata; Tier 1,
 * an overview for the public; Tier 2 in five sections (owner and
 * responsibility, description and rationale, decision-making process, data,
 * risks, mitigations and impact assessments). Field numbers follow the
 * standard's guidance.
 * https://www.gov.uk/government/publications/guidance-for-organisations-using-the-algorithmic-transparency-recording-standard
 * The rules themselves follow as an annex, generated from the rule files.
 */
const pct = (r: { rate: number | null; hits: number; of: number }) => (r.rate === null ? 'not measured' : `${(r.rate * 100).toFixed(0)}% (${r.hits} of ${r.of})`);

function riskSection(input: RuleDocInput): string[] {
  const a = input.accuracy ?? null;
  if (!a) return ['Accuracy on the labelled corpus has not been measured for this pack: run `npm run rules:evaluate -- --write`.', ''];
  const stale = a.pack.hash === input.ruleSet.hash ? [] : [`**These figures were measured for another version of the pack** (\`${a.pack.hash}\`); measure again before publishing.`, ''];
  const h = a.parts.held_back;
  const strategy = h.actions.find((x) => x.action === 'strategy_discussion');
  return [
    `Measured by \`npm run rules:evaluate\` on ${a.measuredOn} over ${a.corpus.cases} labelled contacts written from published guidance and case reviews, ${a.corpus.heldBack} of them held back from development.`,
    ...(strategy ? [`On the held-back contacts, a strategy discussion was prompted in ${pct(strategy.sensitivity)} of the cases that needed one, and not prompted in ${pct(strategy.specificity)} of those that did not; the route was exact in ${pct(h.route.exact)} and within one step in ${pct(h.route.withinOne)}.`] : []),
    '',
    ...stale,
    ...accuracyTable(a),
    '',
  ];
}

export function renderTransparencyRecord(input: RuleDocInput): string {
  const { ruleSet, settings, generatedAt } = input;
  const organisation = settings.la ? `The local authority with ONS code ${settings.la}` : 'Each local authority that deploys it (this record is of the national pack)';
  const annex = renderRuleDoc(input).replace(/^# /, '# Annex: ');
  return [
    `# Algorithmic transparency record: ${ruleSet.name}`,
    '',
    '## Metadata',
    '',
    '| Field | Value |',
    '|---|---|',
    `| Name | mash-triage: decision support at the children’s social care front door |`,
    `| Standard | UK Algorithmic Transparency Recording Standard, template v3.0 |`,
    `| Rule pack version | ${ruleSet.version} |`,
    `| Rule pack hash | \`${ruleSet.hash}\` |`,
    ...(input.inUseSince ? [`| In use since | ${input.inUseSince.toISOString()} |`] : []),
    `| Generated | ${generatedAt.toISOString()} |`,
    `| Phase | Production: used on live contacts, with every decision made by a practitioner |`,
    '',
    '## Tier 1: overview',
    '',
    '### 1.1 Description',
    '',
    'When someone tells children’s services they are worried about a child, a practitioner at the front door must decide within one working day what happens next. This tool reads what was recorded about the contact and, using written rules drawn from statutory guidance and national reviews of cases where children were harmed, shows the practitioner prompts (such as “hold a strategy discussion” or “speak to the child”) with the reason for each, and a suggested route and urgency.',
    '',
    '### 1.2 How and why it is used',
    '',
    'It never decides. A qualified practitioner decides and records why; a decision that departs from a critical prompt or from the suggested route or urgency is reviewed by a manager. It is used so that well-known risks (a bruise on a baby who cannot move about, a child’s disclosure, repeated contacts) are not missed under pressure, and so that every decision can be explained and checked later.',
    '',
    '### 1.3 How to find out more',
    '',
    'Families can ask the council’s children’s services for the letter explaining a decision about them, or make a subject access request for what is held. Practitioners and the public can read this record and the rules it contains; the service publishes it at `GET /api/v1/rules/doc`.',
    '',
    '## Tier 2: owner and responsibility',
    '',
    '| Field | Value |',
    '|---|---|',
    `| 2.1.1 Organisation | ${organisation} |`,
    '| 2.1.2 Team | The Multi-Agency Safeguarding Hub (MASH) or front door team |',
    '| 2.1.3 Senior responsible owner | The Director of Children’s Services |',
    '| 2.1.4 External supplier | None: the rules, their tests and this record are maintained in the open repository; an authority changes only its settings |',
    '',
    '## Tier 2: description and rationale',
    '',
    '### 2.2.1 Detailed description',
    '',
    `A declarative rule engine (json-rules-engine) evaluates ${ruleSet.rules.length} named rules over facts derived from the contact and the children’s history. Each rule, when its conditions hold, raises prompts with a reason and its sources. ${ruleSet.response ? 'A response table turns the facts and prompts into a suggested route and urgency, with floors that cannot be lowered.' : ''} Every rule’s result, fired or not, with the facts it saw and the rule set’s hash, is stored with the triage so any decision can be replayed.`,
    '',
    '### 2.2.2 Scope',
    '',
    'Contacts about children received by one local authority’s front door. It is not used to assess families, to predict future harm from population data, or to make any decision without a practitioner.',
    '',
    '### 2.2.3 Benefits and alternatives',
    '',
    'The alternative is unaided judgement against the same guidance. Inspections and national reviews repeatedly find the same risks missed at the front door; written rules with their reasons make them visible and checkable without taking the decision away from the practitioner.',
    '',
    '## Tier 2: decision-making process',
    '',
    '| Field | Value |',
    '|---|---|',
    '| 2.3.1 Process integration | The triage is made when the contact is recorded, and again when a partner’s answer to a check changes the picture |',
    '| 2.3.2 Information provided to the decision-maker | Prompts with reasons and sources, a priority, a suggested route and urgency, and every rule’s result with the facts it saw |',
    '| 2.3.3 Human decisions and review | The screener decides and records why; departures from critical prompts or from the suggested route or urgency go to a manager; a sample of decisions is second-screened blind; auditors sample closed contacts |',
    '| 2.3.4 Frequency and scale | Every contact the front door records |',
    '| 2.3.5 Required training | Screeners take calibration exercises on practice contacts, and see their own agreement with colleagues and managers |',
    '| 2.3.6 Appeals and review | A family is sent a plain-English letter explaining the decision and how to ask questions or complain; they may make a subject access request, answered with third parties redacted and each redaction listed for the reviewer |',
    '',
    '## Tier 2: data',
    '',
    '| Field | Value |',
    '|---|---|',
    '| 2.4.1 Data specification | What the contact records: the children’s ages and mobility, injuries, disclosures, concerns coded in the Children in Need census factors, the adults’ roles and risks, and the referrer’s category; the children’s earlier contacts with this authority |',
    '| 2.4.2 Data sources | The referrer, the practitioner who records the contact, the authority’s case system, and partners’ answers to multi-agency checks |',
    '| 2.4.3 Data sharing | Checks go to partners (police, health, education, probation and others) only after a practitioner records the lawful basis and the family’s consent position, following the DfE information-sharing advice for safeguarding practitioners (2024); each is kept in an information-sharing ledger and reported by partner |',
    '| 2.4.4 Data access and storage | Staff of the authority by role (screener, manager, auditor); every change and every read of a contact is in a hash-chained audit trail that names people by id only |',
    '',
    '## Tier 2: risks, mitigations and impact assessments',
    '',
    '### 2.5.1 Accuracy',
    '',
    ...riskSection(input),
    '### 2.5.2 Risks and mitigations',
    '',
    '- **Over-reliance on the prompts.** The tool never decides; departures are reviewed rather than forbidden, and the oversight summary reports how often each rule’s prompt is declined.',
    '- **Bias against families referred by the public.** The oversight summary reports the share of contacts closed with no further action by referrer group and by the children’s recorded ethnicity, and the share re-referred within 12 months.',
    '- **Missing history.** When the case system does not answer, the triage says so and the practitioner is told to check by hand.',
    '- **Information shared without a basis.** No check leaves without a recorded lawful basis and consent position; the share of checks made without agreement, and the reasons, are reported by partner.',
    '',
    '### 2.5.3 Impact assessments',
    '',
    'A data protection impact assessment and an equality impact assessment are held by the deploying authority.',
    '',
    annex,
  ].join('\n');
}
