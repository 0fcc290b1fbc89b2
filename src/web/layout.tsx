import type { Child } from 'hono/jsx';
import { assetHref } from './static.js';
import type { WebSession } from './session.js';
import { mayOpen } from './page-access.js';

export interface LayoutProps {
  title: string;
  session?: WebSession | undefined;
  /** Prefixes the title with "Error: " when the page shows validation errors (GOV.UK pattern). */
  hasErrors?: boolean;
  /** Moves the browser on to this page of the service straight away (a same-site navigation, unlike a redirect). */
  refreshTo?: string;
  children?: Child;
}

export const NAV: Record<string, { href: string; label: string }[]> = {
  screener: [
    { href: '/contacts/new', label: 'Record a contact' }, { href: '/contacts', label: 'My contacts' }, { href: '/second-screens', label: 'Second screens' },
    { href: '/calibration', label: 'Calibration' }, { href: '/my-practice', label: 'My practice' }, { href: '/rules', label: 'Rules' },
  ],
  manager: [
    { href: '/contacts', label: 'Contacts' }, { href: '/reviews', label: 'Review queue' }, { href: '/second-screens', label: 'Second screens' },
    { href: '/calibration', label: 'Calibration' }, { href: '/teams', label: 'Teams' }, { href: '/oversight', label: 'Oversight' },
    { href: '/screening-outcomes', label: 'Screening outcomes' }, { href: '/rules', label: 'Rules' },
  ],
  auditor: [{ href: '/audit', label: 'Audit sample' }, { href: '/oversight', label: 'Oversight' }, { href: '/screening-outcomes', label: 'Screening outcomes' }, { href: '/rules', label: 'Rules' }],
  admin: [{ href: '/rules', label: 'Rules' }, { href: '/sessions', label: 'Sessions' }],
};

/** The GOV.UK page template with service navigation only: no GOV.UK header, crown or GDS Transport, as this service is not on GOV.UK. */
export function Layout({ title, session, hasErrors, refreshTo, children }: LayoutProps) {
  // The menu offers only pages the role may open (tests/unit/web/page-access.test.ts checks none is filtered out).
  const nav = session ? (NAV[session.role] ?? []).filter((item) => mayOpen(session.role, item.href)) : [];
  return (
    <html lang="en" class="govuk-template govuk-template--rebranded">
      <head>
        <meta charset="utf-8" />
        <title>{`${hasErrors ? 'Error: ' : ''}${title} – mash-triage`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        {refreshTo ? <meta http-equiv="refresh" content={`0;url=${refreshTo}`} /> : null}
        <link rel="stylesheet" href={assetHref('/ui/govuk-frontend.min.css')} />
        <link rel="stylesheet" href={assetHref('/ui/app.css')} />
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
        <section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
          <div class="govuk-width-container">
            <div class="govuk-service-navigation__container">
              <span class="govuk-service-navigation__service-name">
                <a href="/" class="govuk-service-navigation__link">mash-triage</a>
              </span>
              {session ? (
                <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                  <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden>Menu</button>
                  <ul class="govuk-service-navigation__list" id="navigation">
                    {nav.map((item) => (
                      <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href={item.href}>{item.label}</a></li>
                    ))}
                    <li class="govuk-service-navigation__item">
                      <form method="post" action="/sign-out" class="app-inline-form">
                        <input type="hidden" name="csrf" value={session.csrf} />
                        <button type="submit" class="govuk-service-navigation__link app-link-button">Sign out ({session.sub}, {session.role})</button>
                      </form>
                    </li>
                  </ul>
                </nav>
              ) : null}
            </div>
          </div>
        </section>
        <div class="govuk-width-container">
          <main class="govuk-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
        <footer class="govuk-footer">
          <div class="govuk-width-container">
            <p class="govuk-body-s">mash-triage prompts; practitioners decide. Every decision and its reasons are kept in the audit trail.</p>
          </div>
        </footer>
        <script type="module" src={assetHref('/ui/app.js')}></script>
      </body>
    </html>
  );
}
