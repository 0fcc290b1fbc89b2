import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Actor } from '../domain/actor.js';
import { isStorableText } from '../lib/storable.js';
import { ROLES } from '../schemas/codes.js';

const Claims = z.object({
  sub: z.string().min(1).max(200).regex(/^[^\p{Cc}]+$/u, 'has a control character').refine(isStorableText, 'cannot be stored'),
  role: z.enum(ROLES),
  la: z.string().regex(/^[EWSN]\d{8}$/),
});

export interface TokenVerifier {
  /** The actor named by a valid token; throws on anything else. */
  verify(token: string): Promise<Actor>;
}

export class InvalidToken extends Error {}

/** A secret kept in the data folder, generated on first use (mode 600). */
export function readOrCreateSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

/** The local HS256 secret: from config, else generated once into the data folder. */
export function resolveLocalSecret(config: Pick<Config, 'jwtSecret' | 'dataDir'>): Uint8Array {
  return new TextEncoder().encode(config.jwtSecret ?? readOrCreateSecret(config.dataDir, 'jwt-secret'));
}

/** How long a verified token is remembered (never beyond its own expiry), and how many are. */
const VERIFIED_FOR_MS = 60_000;
const VERIFIED_MAX = 10_000;

export function createTokenVerifier(config: Pick<Config, 'jwtSecret' | 'dataDir' | 'jwksUrl' | 'jwtIssuer' | 'jwtAudience'>): TokenVerifier {
  // With a JWKS configured, production keys are the only keys: local secrets are not accepted.
  const key: Uint8Array | JWTVerifyGetKey = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : resolveLocalSecret(config);
  const algorithms = config.jwksUrl ? ['RS256', 'ES256', 'PS256'] : ['HS256'];
  // Issue 19: every API request verified its token afresh (a signature and the claims' schema) though a client sends the
  // same token for hours. A token that verified is remembered, by its exact text, for a minute at most and never past
  // its exp; a token that failed is not remembered, so it is checked again (and refused again) every time.
  const verified = new Map<string, { actor: Actor; until: number }>();
  return {
    async verify(token) {
      const now = Date.now();
      const known = verified.get(token);
      if (known && now < known.until) return { ...known.actor };
      if (known) verified.delete(token);
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, key as Uint8Array, {
          issuer: config.jwtIssuer, audience: config.jwtAudience, algorithms, requiredClaims: ['exp', 'sub'],
        }));
      } catch (error) {
        throw new InvalidToken((error as Error).message);
      }
      const claims = Claims.safeParse(payload);
      if (!claims.success) throw new InvalidToken(`token claims are incomplete: ${claims.error.issues.map((i) => i.path.join('.')).join(', ')}`);
      const exp = (payload as { exp: number }).exp * 1000;
      if (verified.size >= VERIFIED_MAX) verified.clear();
      verified.set(token, { actor: claims.data, until: Math.min(exp, now + VERIFIED_FOR_MS) });
      return claims.data;
    },
  };
}

export async function signLocalToken(
  secret: Uint8Array,
  actor: Actor,
  options: { issuer: string; audience: string; expiresIn?: string; now?: Date },
): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ role: actor.role, la: actor.la })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(iat)
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(secret);
}
