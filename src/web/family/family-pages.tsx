import { Hono } from 'hono';
import type { Deps } from '../../domain/context.js';
import { ValidationFailed } from '../../domain/errors.js';
import { draftFamilyExplanation, listSentExplanations, sendFamilyExplanation } from '../../domain/family/family-explanation.js';
import { TARGET_READING_AGE } from '../../lib/readability.js';
import { ErrorSummary, formatInstant, SummaryList, Textarea, type FieldErrors } from '../components.js';
import { value, type FormValues } from '../form-values.js';
import { Layout } from '../layout.js';
import { sessionOf, webVerbContext, type WebContext, type WebEnv, type WebSession, pathParam } from '../session.js';
import { FAMILY_PRINT_CSS } from './print-css.js';

type Draft = Awaited<ReturnType<typeof draftFamilyExplanation>>;
type Sent = Awaited<ReturnType<typeof listSentExplanations>>['explanations'][number];

const AUDIENCES = { parent_carer: 'A parent or carer', child: 'An older child' } as const;
const audienceOf = (v: string | undefined) => (v === 'child' ? 'child' : 'parent_carer');
const notes = (f: FormValues) => value(f, 'notForFamily').split('\n').map((s) => s.trim()).filter((s) => s.length >= 3);

function ReadingAge({ r }: { r: Draft['readability'] }) {
  return (
    <div class={`govuk-inset-text${r.withinTarget ? '' : ' app-warning'}`} id="reading-age">
      <p class="govuk-body"><strong>Reading age about {r.readingAge}</strong> (Flesch–Kincaid grade {r.grade}; Flesch reading ease {r.readingEase}). The aim is {TARGET_READING_AGE.from}–{TARGET_READING_AGE.to} or under.</p>
      {r.withinTarget ? null : <p class="govuk-body">This is harder to read than we aim for: use shorter sentences and everyday words.</p>}
      <p class="govuk-body-s">{r.words} words in {r.sentences} sentences.</p>
    </div>
  );
}

function ExplanationPage({ session, contactId, draft, text, form, errors, sent }: {
  session: WebSession; contactId: string; draft: Draft; text: string; form: FormValues; errors: FieldErrors; sent: Sent[];
}) {
  return (
    <Layout title="Explain the decision to the family" session={session} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">Contact {contactId}</span>
      <h1 class="govuk-heading-l">Explain the decision to the family</h1>
      <form method="get" action={`/contacts/${contactId}/family-explanation`} class="app-inline-fields">
        <div class="govuk-form-group"><label class="govuk-label" for="audience">Who it is for</label>
          <select class="govuk-select" id="audience" name="audience">
            {Object.entries(AUDIENCES).map(([k, v]) => <option value={k} selected={draft.audience === k}>{v}</option>)}
          </select></div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Draft again</button>
      </form>
      <ReadingAge r={draft.readability} />
      <h2 class="govuk-heading-m">What the letter must not say</h2>
      <ul class="govuk-list govuk-list--bullet">{[...new Set(draft.withheld.map((w) => w.reason))].map((r) => <li>{r}</li>)}</ul>
      <form method="post" action={`/contacts/${contactId}/family-explanation`} novalidate>
        <input type="hidden" name="csrf" value={session.csrf} />
        <input type="hidden" name="audience" value={draft.audience} />
        <Textarea id="text" name="text" label="The letter (edit it if you need to)" rows={18} value={text} error={errors.text} />
        <Textarea id="notForFamily" name="notForFamily" label="Not for the family (one a line)" rows={3} value={value(form, 'notForFamily')}
          hint="For example, that the police are investigating. The letter is refused if it says any of this." />
        <div class="govuk-checkboxes govuk-checkboxes--small govuk-form-group"><div class="govuk-checkboxes__item">
          <input class="govuk-checkboxes__input" id="referrerAgreedToBeNamed" name="referrerAgreedToBeNamed" type="checkbox" value="yes" checked={value(form, 'referrerAgreedToBeNamed') === 'yes'} />
          <label class="govuk-label govuk-checkboxes__label" for="referrerAgreedToBeNamed">The referrer is a professional and agreed to be named</label>
        </div></div>
        <button type="submit" class="govuk-button" data-module="govuk-button">Send and keep this letter</button>
      </form>
      {sent.length === 0 ? null : (
        <>
          <h2 class="govuk-heading-m">Letters sent</h2>
          <ul class="govuk-list">{sent.map((s) => <li><a class="govuk-link" href={`/contacts/${contactId}/family-explanation/${s.id}`}>{formatInstant(s.sentAt)}, to {AUDIENCES[audienceOf(s.audience)].toLowerCase()}, reading age {s.readability.readingAge}</a></li>)}</ul>
        </>
      )}
    </Layout>
  );
}

function LetterPage({ session, contactId, sent }: { session: WebSession; contactId: string; sent: Sent }) {
  return (
    <Layout title="Letter to the family" session={session}>
      <link rel="stylesheet" href="/ui/family-print.css" />
      <div class="app-no-print">
        <a class="govuk-back-link" href={`/contacts/${contactId}/family-explanation`}>Back</a>
        <SummaryList rows={[['Sent', `${formatInstant(sent.sentAt)} by ${sent.sentBy}`], ['Reading age', `about ${sent.readability.readingAge}`], ['Edited', sent.edited ? 'Yes' : 'No']]} />
        <p class="govuk-body">Use your browser’s print command: only the letter is printed.</p>
      </div>
      <div class="app-letter">{sent.text}</div>
    </Layout>
  );
}

/** The pages that let a practitioner preview, edit, send and print the letter explaining a decision to the family. */
export function familyPages(deps: Deps) {
  const app = new Hono<WebEnv>();
  app.get('/ui/family-print.css', (c) => c.body(FAMILY_PRINT_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));

  const page = async (c: WebContext, form: FormValues, errors: FieldErrors, status: 200 | 400) => {
    const ctx = webVerbContext(c, deps);
    const contactId = pathParam(c, 'id');
    const audience = audienceOf(value(form, 'audience') || c.req.query('audience'));
    const draft = await draftFamilyExplanation({ ctx, contactId, input: { audience, referrerAgreedToBeNamed: value(form, 'referrerAgreedToBeNamed') === 'yes', notForFamily: notes(form) } });
    const sent = ctx.actor.role === 'auditor' ? [] : (await listSentExplanations({ ctx, contactId })).explanations;
    const text = value(form, 'text') || draft.text;
    return c.html(<ExplanationPage session={sessionOf(c)} contactId={contactId} draft={draft} text={text} form={form} errors={errors} sent={sent} />, status);
  };

  app.get('/contacts/:id/family-explanation', (c) => page(c, {}, {}, 200));
  app.post('/contacts/:id/family-explanation', async (c) => {
    const form = (await c.req.parseBody({ all: true })) as FormValues;
    const text = value(form, 'text').trim();
    if (text.length < 20) return page(c, form, { text: 'Enter the letter (at least 20 characters)' }, 400);
    try {
      const sent = await sendFamilyExplanation({
        ctx: webVerbContext(c, deps), contactId: c.req.param('id'),
        input: { audience: audienceOf(value(form, 'audience')), text, referrerAgreedToBeNamed: value(form, 'referrerAgreedToBeNamed') === 'yes', notForFamily: notes(form) },
      });
      return c.redirect(`/contacts/${sent.contactId}/family-explanation/${sent.id}`, 303);
    } catch (error) {
      if (error instanceof ValidationFailed) return page(c, form, { text: `The letter ${error.errors.map((e) => e.message).join('; ')}` }, 400);
      throw error;
    }
  });
  app.get('/contacts/:id/family-explanation/:fid', async (c) => {
    const { explanations } = await listSentExplanations({ ctx: webVerbContext(c, deps), contactId: c.req.param('id') });
    const sent = explanations.find((e) => e.id === c.req.param('fid'));
    if (!sent) return c.notFound();
    return c.html(<LetterPage session={sessionOf(c)} contactId={c.req.param('id')} sent={sent} />);
  });
  return app;
}
