import { Hono } from 'hono';
import { ROLES, type Role } from '../../schemas/codes.js';
import { endSession, startSession, type SessionOptions, type WebEnv } from '../session.js';
import { SignInPage } from './sign-in-page.js';

/** Where each role starts. */
export const HOME: Record<Role, string> = { screener: '/contacts/new', manager: '/reviews', auditor: '/audit', admin: '/rules' };

/** The demo sign-in: pick a role and an authority. Only offered when `localSignIn` is on. */
export function signInRoutes(sessionOptions: SessionOptions, localSignIn: boolean) {
  const app = new Hono<WebEnv>();
  app.get('/', (c) => {
    const session = c.get('session');
    return c.redirect(session ? HOME[session.role] : '/sign-in', 303);
  });
  app.get('/sign-in', (c) => c.html(<SignInPage errors={{}} localSignIn={localSignIn} expired={c.req.query('expired') === '1'} />));
  app.post('/sign-in', async (c) => {
    if (!localSignIn) return c.html(<SignInPage errors={{}} localSignIn={false} />, 404);
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
  return app;
}
