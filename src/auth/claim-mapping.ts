import type { ClaimMapping } from '../config.js';
import type { Actor } from '../domain/actor.js';

export type MappedClaims =
  | { ok: true; actor: Actor }
  | { ok: false; reason: 'no-role' | 'several-roles' | 'no-authority'; sub: string; la: string | null };

const AUTHORITY = /^[EWSN]\d{8}$/;

/** A claim as a list of strings: providers send groups as one string, a list, or a space-separated string. */
function valuesOf(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(/\s+/).filter(Boolean);
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * The person's role and authority from the provider's verified ID token claims.
 * Exactly one role must map: a person the provider puts in two mapped groups is
 * refused rather than silently given the wider one, so the council settles it in
 * the directory. The authority must be a single ONS local authority code.
 */
export function mapClaims(claims: Record<string, unknown>, mapping: ClaimMapping): MappedClaims {
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  const authorities = valuesOf(claims[mapping.authorityClaim]).filter((v) => AUTHORITY.test(v));
  const la = authorities.length === 1 ? (authorities[0] ?? null) : null;
  const roles = [...new Set(valuesOf(claims[mapping.roleClaim]).flatMap((v) => (Object.hasOwn(mapping.roles, v) ? [mapping.roles[v]] : [])))];
  if (!la) return { ok: false, reason: 'no-authority', sub, la: null };
  if (roles.length === 0) return { ok: false, reason: 'no-role', sub, la };
  const role = roles[0];
  if (roles.length > 1 || !role) return { ok: false, reason: 'several-roles', sub, la };
  return { ok: true, actor: { sub, role, la } };
}
