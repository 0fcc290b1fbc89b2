import type { describeRules } from '../../domain/rules/describe-rules.js';
import { IndicatorTag } from '../components.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';

/** The active rule set as a reader needs it: what each rule is, what it prompts, and on what authority. */
export function RulesPage({ session, rules }: { session: WebSession; rules: ReturnType<typeof describeRules> }) {
  return (
    <Layout title="Rules" session={session}>
      <h1 class="govuk-heading-l">How contacts are triaged</h1>
      <p class="govuk-body">{rules.name}, version {rules.version}. Rule set hash <code>{rules.hash}</code>. A rule never decides: it raises a prompt with its reasons, and a practitioner decides.</p>
      {rules.rules.map((r) => (
        <div class="govuk-summary-card" id={`rule-${r.id}`}>
          <div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">{r.summary}</h2></div>
          <div class="govuk-summary-card__content">
            <p class="govuk-body-s">Rule <code>{r.id}</code>, weight {r.weight}</p>
            <ul class="govuk-list">{r.prompts.map((p) => <li><IndicatorTag indicator={p.indicator} /> {p.action.replace(/_/g, ' ')}</li>)}</ul>
            <p class="govuk-body-s">Sources: {r.sources.join('; ')}</p>
          </div>
        </div>
      ))}
    </Layout>
  );
}
