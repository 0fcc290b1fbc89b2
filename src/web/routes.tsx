import { Hono, type Context } from 'hono';
import { drawAuditSample } from '../domain/audit/draw-sample.js';
import { readTrail } from '../domain/audit/read-trail.js';
import { sampleCsv } from '../domain/audit/sample-csv.js';
import { summariseOversight } from '../domain/oversight/summarise-oversight.js';
import { AuditSampleQuery } from '../schemas/sample.schema.js';
import { OversightQuery } from '../schemas/oversight.schema.js';
import { closeContact } from '../domain/contacts/close-contact.js';
import { etagOf } from '../domain/contacts/contact-view.js';
import { readContact } from '../domain/contacts/read-contact.js';
import { decideContact } from '../domain/decisions/decide-contact.js';
import { guardsFor } from '../domain/decisions/guards.js';
import { listReviewQueue } from '../domain/reviews/list-review-queue.js';
import { reviewDecision } from '../domain/reviews/review-decision.js';
import type { Prompt } from '../rules/evaluate.js';
import { DecisionInputSchema, ReviewInputSchema } from '../schemas/decision.schema.js';
import { recordContact } from '../domain/contacts/record-contact.js';
import { listContacts } from '../domain/contacts/list-contacts.js';
import type { Deps } from '../domain/context.js';
import { DomainError, PreconditionFailed, ValidationFailed } from '../domain/errors.js';
import { describeRules } from '../domain/rules/describe-rules.js';
import { zodFieldErrors } from '../http/problem.js';
import { verbContext } from '../http/verb-context.js';
import { ROLES, type Role } from '../schemas/codes.js';
import { ContactInputSchema } from '../schemas/contact.schema.js';
import { contactFromForm, formErrors, value, type FormValues } from './contact-form.js';
import { Layout } from './layout.js';
import { decisionErrors, decisionFromForm, promptsNeeded } from './decision-form.js';
import type { FieldErrors } from './components.js';
import { ContactPage } from './pages/contact.js';
import { SharingLedger } from './sharing/sharing-ledger.js';
import { familyPages } from './family/family-pages.js';
import { subjectAccessPages } from './subject-access/subject-access-pages.js';
import { AuditPage, type SampleForm } from './pages/audit.js';
import { DecisionForm, DecisionHistory } from './pages/decision-section.js';
import { OversightPage } from './pages/oversight.js';
import { ReviewPage } from './pages/review.js';
import { ReviewQueuePage } from './pages/reviews.js';
import { TrailPage } from './pages/trail.js';
import { ContactsPage } from './pages/contacts.js';
import { RecordContactPage } from './pages/record-contact.js';
import { RulesPage } from './pages/rules.js';
import { SignInPage } from './pages/sign-in.js';
import { csrfMatches, endSession, sessionMiddleware, startSession, type WebSession } from './session.js';
import { secondOpinionPages } from './second-opinion-pages.js';
import { staticRoutes } from './static.js';
import type { WebEnv } from './web-env.js';

export interface WebOptions {
  sessionSecret: string;
  idleMinutes: number;
  /** The demo sign-in of the embedded default; off when a production identity provider is configured. */
  localSignIn: boolean;
}

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const HOME: Record<Role, string> = { screener: '/contacts/new', manager: '/reviews', auditor: '/audit', admin: '/rules' };

type WebContext = Context<WebEnv>;

function signedIn(c: WebContext): WebSession | undefined {
  return c.get('session');
}

export function londonNowParts(now: Date): FormValues {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(now).map((p) => [p.type, p.value]));
  return { 'receivedDate.day': parts.day!, 'receivedDate.month': parts.month!, 'receivedDate.year': parts.year!, receivedTime: `${parts.hour}:${parts.minute}` };
}

/** The browser pages: server-rendered GOV.UK Design System, working without JavaScript, calling the same domain verbs as the API. */
export function webRoutes(deps: Deps, options: WebOptions) {
  const app = new Hono<WebEnv>();
  const sessionOptions = { secret: options.sessionSecret, idleMinutes: options.idleMinutes, now: () => deps.clock.now() };
  app.route('/', staticRoutes());
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.res.headers.set('Content-Security-Policy', CSP);
      c.res.headers.set('Cache-Control', 'no-store');
    }
  });
  app.use('*', sessionMiddleware(sessionOptions));
  // Every form carries the session's CSRF token; SameSite=Strict is the second lock.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'POST' || c.req.path === '/sign-in') return next();
    const form = await c.req.parseBody({ all: true });
    if (!csrfMatches(c.get('session'), form.csrf)) {
      return c.html(<Layout title="Your session has expired"><h1 class="govuk-heading-l">Your session has expired</h1>
        <p class="govuk-body"><a class="govuk-link" href="/sign-in">Sign in again</a>; nothing was saved.</p></Layout>, 403);
    }
    return next();
  });
  const requireSession = async (c: WebContext, next: () => Promise<void>) => {
    if (!signedIn(c)) return c.redirect(c.get('sessionExpired') ? '/sign-in?expired=1' : '/sign-in', 303);
    return next();
  };
  for (const path of ['/contacts', '/contacts/*', '/rules', '/reviews', '/reviews/*', '/audit', '/audit/*', '/oversight']) app.use(path, requireSession);

  app.get('/', (c) => c.redirect(signedIn(c) ? HOME[signedIn(c)!.role] : '/sign-in', 303));

  app.get('/sign-in', (c) => c.html(<SignInPage errors={{}} localSignIn={options.localSignIn} expired={c.req.query('expired') === '1'} />));
  app.post('/sign-in', async (c) => {
    if (!options.localSignIn) return c.html(<SignInPage errors={{}} localSignIn={false} />, 404);
    const form = await c.req.parseBody();
    const role = String(form.role ?? '') as Role;
    const la = String(form.la ?? '').trim();
    const sub = String(form.sub ?? '').trim() || `local-${role}`;
    const errors: Record<string, string> = {};
    if (!ROLES.includes(role)) errors.role = 'Choose a role';
    if (!/^[EWSN]\d{8}$/.test(la)) errors.la = 'Enter an ONS local authority code, like E06000056';
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(sub)) errors.sub = 'Use up to 64 letters, digits, dots, dashes or @';
    if (Object.keys(errors).length) return c.html(<SignInPage errors={errors} localSignIn />, 400);
    await startSession(c, { sub, role, la }, sessionOptions);
    return c.redirect(HOME[role], 303);
  });
  app.post('/sign-out', (c) => {
    endSession(c);
    return c.redirect('/sign-in', 303);
  });

  app.get('/contacts/new', (c) => c.html(<RecordContactPage session={signedIn(c)!} form={{ childCount: '1', adultCount: '1', ...londonNowParts(deps.clock.now()) }} errors={{}} />));
  app.post('/contacts/new', async (c) => {
    const session = signedIn(c)!;
    const form = (await c.req.parseBody({ all: true })) as FormValues;
    const action = value(form, 'action');
    if (action === 'add-child' || action === 'add-adult') {
      const key = action === 'add-child' ? 'childCount' : 'adultCount';
      return c.html(<RecordContactPage session={session} form={{ ...form, [key]: String(Number(value(form, key) || '1') + 1) }} errors={{}} />);
    }
    const parsed = ContactInputSchema.safeParse(contactFromForm(form, deps.settings.forAuthority(session.la).values.timeZone));
    if (!parsed.success) {
      return c.html(<RecordContactPage session={session} form={form} errors={formErrors(zodFieldErrors(parsed.error))} />, 400);
    }
    try {
      const contact = await recordContact({ ctx: verbContext(c as never, deps), input: parsed.data });
      return c.redirect(`/contacts/${contact.id}`, 303);
    } catch (error) {
      if (error instanceof ValidationFailed) return c.html(<RecordContactPage session={session} form={form} errors={formErrors(error.errors)} />, 400);
      throw error;
    }
  });

  app.get('/contacts', async (c) => {
    const contacts = await listContacts({ ctx: verbContext(c as never, deps) });
    return c.html(<ContactsPage session={signedIn(c)!} contacts={contacts} />);
  });

  const contactPage = async (c: WebContext, form: FormValues = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const session = signedIn(c)!;
    const contact = await readContact({ ctx: verbContext(c as never, deps), contactId: c.req.param('id')! });
    const guards = await guardsFor(deps.db, deps, contact.triage.ruleSet.hash);
    const below = (
      <>
        <DecisionHistory contact={contact} />
        {contact.status === 'awaiting_decision' && session.role === 'screener' ? <DecisionForm session={session} contact={contact} form={form} errors={errors} guards={guards} /> : null}
        {contact.status === 'decided' && (session.role === 'screener' || session.role === 'manager') ? (
          <form method="post" action={`/contacts/${contact.id}/close`}>
            <input type="hidden" name="csrf" value={session.csrf} />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Close the contact</button>
          </form>
        ) : null}
        {session.role === 'manager' || session.role === 'auditor' ? <p class="govuk-body"><a class="govuk-link" href={`/contacts/${contact.id}/trail`}>Trail of this contact</a></p> : null}
        <SharingLedger db={deps.db} la={session.la} contactId={contact.id} />
        {(contact.status === 'decided' || contact.status === 'closed') && session.role !== 'auditor' ? <p class="govuk-body"><a class="govuk-link" href={`/contacts/${contact.id}/family-explanation`}>Explain the decision to the family</a></p> : null}
      </>
    );
    return c.html(<ContactPage session={session} contact={contact} below={below} hasErrors={Object.keys(errors).length > 0} />, status);
  };

  app.get('/contacts/:id', (c) => contactPage(c));

  app.post('/contacts/:id/decision', async (c) => {
    const form = (await c.req.parseBody({ all: true })) as FormValues;
    const ctx = verbContext(c as never, deps);
    const { triage } = await readContact({ ctx, contactId: c.req.param('id') });
    const prompts = triage.prompts as Prompt[];
    const { body, answeredActions } = decisionFromForm(form, prompts);
    const needed = promptsNeeded(prompts, await guardsFor(deps.db, deps, triage.ruleSet.hash), value(form, 'outcome'));
    const parsed = DecisionInputSchema.safeParse(body);
    if (!parsed.success) return contactPage(c, form, decisionErrors(zodFieldErrors(parsed.error), answeredActions, needed), 400);
    try {
      await decideContact({ ctx, contactId: c.req.param('id'), input: parsed.data });
    } catch (error) {
      if (error instanceof ValidationFailed) return contactPage(c, form, decisionErrors(error.errors, answeredActions, needed), 400);
      throw error;
    }
    return c.redirect(`/contacts/${c.req.param('id')}`, 303);
  });

  app.post('/contacts/:id/close', async (c) => {
    await closeContact({ ctx: verbContext(c as never, deps), contactId: c.req.param('id') });
    return c.redirect(`/contacts/${c.req.param('id')}`, 303);
  });

  app.get('/contacts/:id/trail', async (c) => {
    const trail = await readTrail({ ctx: verbContext(c as never, deps), contactId: c.req.param('id') });
    return c.html(<TrailPage session={signedIn(c)!} trail={trail} />);
  });

  app.get('/reviews', async (c) => c.html(<ReviewQueuePage session={signedIn(c)!} queue={await listReviewQueue({ ctx: verbContext(c as never, deps) })} />));

  const reviewPage = async (c: WebContext, form: FormValues = {}, errors: FieldErrors = {}, stale = false, status: 200 | 400 | 409 = 200) => {
    const contact = await readContact({ ctx: verbContext(c as never, deps), contactId: c.req.param('id')! });
    return c.html(<ReviewPage session={signedIn(c)!} contact={contact} etag={etagOf(contact)} form={stale ? {} : form} errors={errors} stale={stale} />, status);
  };

  app.get('/reviews/:id', (c) => reviewPage(c));

  app.post('/reviews/:id', async (c) => {
    const form = (await c.req.parseBody({ all: true })) as FormValues;
    const parsed = ReviewInputSchema.safeParse({
      verdict: value(form, 'verdict') || undefined,
      rationale: value(form, 'rationale'),
      ...(value(form, 'outcome') ? { outcome: value(form, 'outcome') } : {}),
    });
    const toErrors = (errors: { path: string; message: string }[]) =>
      Object.fromEntries(errors.map((e) => [e.path.split('/')[1] ?? 'verdict', `${e.path.split('/')[1] ?? 'Review'}: ${e.message}`]));
    if (!parsed.success) return reviewPage(c, form, toErrors(zodFieldErrors(parsed.error)), false, 400);
    try {
      await reviewDecision({ ctx: verbContext(c as never, deps), contactId: c.req.param('id'), ifMatch: value(form, 'etag'), input: parsed.data });
    } catch (error) {
      // Someone else acted first: show the contact as it now stands rather than overwrite their judgement.
      if (error instanceof PreconditionFailed) return reviewPage(c, form, {}, true, 409);
      if (error instanceof ValidationFailed) return reviewPage(c, form, toErrors(error.errors), false, 400);
      throw error;
    }
    return c.redirect('/reviews', 303);
  });

  /** The sample's query as the API takes it: repeated checkboxes become comma lists. */
  const sampleQuery = (c: WebContext): SampleForm => {
    const all = c.req.queries();
    return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, k === 'outcome' || k === 'priority' ? v.join(',') : v[0]]).filter(([, v]) => v !== '' && v !== undefined));
  };
  const fieldErrors = (errors: { path: string; message: string }[]) =>
    Object.fromEntries(errors.map((e) => { const key = e.path.split('/')[1] ?? 'form'; return [key, `${key}: ${e.message}`]; }));

  app.get('/audit', async (c) => {
    const form = sampleQuery(c);
    if (!form.draw) return c.html(<AuditPage session={signedIn(c)!} form={form} sample={null} errors={{}} csvHref={null} />);
    const { draw: _draw, ...query } = form;
    const parsed = AuditSampleQuery.safeParse(query);
    if (!parsed.success) return c.html(<AuditPage session={signedIn(c)!} form={form} sample={null} errors={fieldErrors(zodFieldErrors(parsed.error))} csvHref={null} />, 400);
    const sample = await drawAuditSample({ ctx: verbContext(c as never, deps), query: parsed.data });
    const csvHref = `/audit/sample.csv?${new URLSearchParams({ ...(query as Record<string, string>), seed: sample.seed })}`;
    return c.html(<AuditPage session={signedIn(c)!} form={{ ...form, seed: sample.seed }} sample={sample} errors={{}} csvHref={csvHref} />);
  });

  app.get('/audit/sample.csv', async (c) => {
    const parsed = AuditSampleQuery.safeParse({ ...sampleQuery(c), format: 'csv' });
    if (!parsed.success) throw new ValidationFailed('The sample’s filters are not valid', zodFieldErrors(parsed.error));
    const sample = await drawAuditSample({ ctx: verbContext(c as never, deps), query: parsed.data });
    return c.body(sampleCsv(sample), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-sample-${sample.seed}.csv"`,
    });
  });

  app.get('/oversight', async (c) => {
    const query = { from: c.req.query('from'), to: c.req.query('to') };
    if (!query.from && !query.to) return c.html(<OversightPage session={signedIn(c)!} query={{}} summary={null} errors={{}} />);
    const parsed = OversightQuery.safeParse(query);
    if (!parsed.success) return c.html(<OversightPage session={signedIn(c)!} query={query as never} summary={null} errors={fieldErrors(zodFieldErrors(parsed.error))} />, 400);
    const summary = await summariseOversight({ ctx: verbContext(c as never, deps), query: parsed.data });
    return c.html(<OversightPage session={signedIn(c)!} query={parsed.data} summary={summary} errors={{}} />);
  });

  app.route('/', secondOpinionPages(deps));
  app.route('/', familyPages(deps));
  app.route('/', subjectAccessPages(deps));

  app.get('/rules', (c) => c.html(<RulesPage session={signedIn(c)!} rules={describeRules({ ctx: verbContext(c as never, deps) })} />));

  app.onError((error, c) => {
    if (error instanceof DomainError && error.status < 500) {
      const title = error.status === 404 ? 'Page not found' : error.status === 403 ? 'You cannot do this' : error.title;
      return c.html(<Layout title={title} session={c.get('session')}><h1 class="govuk-heading-l">{title}</h1><p class="govuk-body">{error.message}</p></Layout>, error.status as 400);
    }
    c.get('logger')?.error({ err: error }, 'page failed');
    return c.html(<Layout title="Sorry, there is a problem with the service" session={c.get('session')}>
      <h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p class="govuk-body">Nothing was saved. Try again later. Reference: {c.get('requestId')}</p></Layout>, 500);
  });
  return app;
}
