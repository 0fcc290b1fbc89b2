import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on a free port of this
 * machine, with one client registered for mash-triage and its developer
 * login and consent pages, which `authorize` fills in as a browser would.
 */
export const REDIRECT_URL = 'https://mash.example/sign-in/callback';
export const CLIENT = { id: 'mash-triage', secret: 'a-client-secret-only-the-test-provider-knows' };

export interface TestProvider {
  issuer: string;
  /**
   * The fetch the service is given: the real network, except that while
   * `tamper` is set the ID token from the token endpoint is re-signed with the
   * provider's own key after `tamper` changes its claims, as a token the
   * provider issued for another service, or long ago, would arrive.
   */
  fetch: typeof fetch;
  tamper: ((claims: JWTPayload) => JWTPayload) | null;
  /** Follows the provider's redirects and fills in its login and consent forms; returns the callback address. */
  authorize(authorizationUrl: string, account: string): Promise<string>;
  close(): Promise<void>;
}

type Claims = Record<string, unknown>;

export async function startTestProvider(accounts: Record<string, Claims>, redirectUrl = REDIRECT_URL): Promise<TestProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => { res.statusCode = 503; res.end(); };
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-signing-key', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [redirectUrl], post_logout_redirect_uris: [new URL('/sign-in', redirectUrl).href],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-provider-cookie-key'] },
    scopes: ['openid', 'mash'],
    claims: { openid: ['sub'], mash: ['roles', 'la'] },
    conformIdTokenClaims: false,
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...accounts[id] }) }),
  });
  provider.on('server_error', (_ctx, error) => { process.stderr.write(`test provider error: ${error.stack ?? error}\n`); });
  handle = provider.callback();

  const test: TestProvider = {
    issuer,
    tamper: null,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      const tamper = test.tamper;
      if (!tamper || !url.startsWith(`${issuer}/token`) || !res.ok) return res;
      const body = await res.json() as { id_token: string };
      const header = decodeProtectedHeader(body.id_token);
      const id_token = await new SignJWT(tamper(decodeJwt(body.id_token))).setProtectedHeader({ alg: 'RS256', kid: header.kid ?? jwk.kid }).sign(privateKey);
      return new Response(JSON.stringify({ ...body, id_token }), { status: res.status, headers: { 'content-type': 'application/json' } });
    },
    async authorize(authorizationUrl, account) {
      const jar = new Map<string, string>();
      const send = async (url: string, init: RequestInit = {}) => {
        const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const line of res.headers.getSetCookie()) {
          const [pair = ''] = line.split(';');
          const at = pair.indexOf('=');
          jar.set(pair.slice(0, at), pair.slice(at + 1));
        }
        return res;
      };
      // Each step depends on the one before, so the walk is a recursion rather than a loop of awaits.
      const walk = async (res: Response, steps: number): Promise<string> => {
        if (steps === 0) throw new Error('the provider never redirected back');
        const location = res.headers.get('location');
        if (location?.startsWith(redirectUrl)) return location;
        if (location) return walk(await send(new URL(location, issuer).href), steps - 1);
        const html = await res.text();
        const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
        if (!action) throw new Error(`the provider stopped at ${res.status}: ${html.slice(0, 200)}`);
        const fields = new URLSearchParams();
        for (const [input] of html.matchAll(/<input[^>]*>/g)) {
          const name = /name="([^"]+)"/.exec(input)?.[1];
          if (name) fields.set(name, /value="([^"]*)"/.exec(input)?.[1] ?? '');
        }
        if (fields.has('login')) { fields.set('login', account); fields.set('password', 'any'); }
        return walk(await send(new URL(action, issuer).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() }), steps - 1);
      };
      return walk(await send(authorizationUrl), 12);
    },
    close: () => new Promise<void>((resolve, reject) => { server.closeAllConnections(); server.close((e) => (e ? reject(e) : resolve())); }),
  };
  return test;
}
