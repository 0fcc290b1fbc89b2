import { parseArgs } from 'node:util';
import { resolveLocalSecret, signLocalToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { ROLES, type Role } from '../src/schemas/codes.js';

/** Prints a token the local service accepts: `npm run token -- --role screener [--la E06000056] [--sub alice]`. */
const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    la: { type: 'string', default: 'E06000056' },
    sub: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  },
});

const role = values.role as Role | undefined;
if (!role || !ROLES.includes(role)) {
  process.stderr.write(`usage: npm run token -- --role ${ROLES.join('|')} [--la E06000056] [--sub user-id] [--expires 8h]\n`);
  process.exit(2);
}
if (!/^[EWSN]\d{8}$/.test(values.la!)) {
  process.stderr.write('--la must be an ONS local authority code such as E06000056\n');
  process.exit(2);
}
const config = loadConfig();
if (config.jwksUrl) {
  process.stderr.write('MASH_JWKS_URL is set: this service accepts only tokens from that issuer, so local tokens would be refused.\n');
  process.exit(2);
}
const token = await signLocalToken(resolveLocalSecret(config), { sub: values.sub ?? `local-${role}`, role, la: values.la! }, {
  issuer: config.jwtIssuer, audience: config.jwtAudience, expiresIn: values.expires!,
});
process.stdout.write(`${token}\n`);
