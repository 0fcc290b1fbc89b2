import type { Role } from '../schemas/codes.js';
import { Forbidden } from './errors.js';

/** Who is acting: the verified claims of the caller's token. */
export interface Actor {
  sub: string;
  role: Role;
  /** ONS code of the local authority the actor works for; every record they touch must be of it. */
  la: string;
}

export function requireRole(actor: Actor, allowed: readonly Role[], doing: string): void {
  if (!allowed.includes(actor.role)) {
    throw new Forbidden(`A ${actor.role} may not ${doing}; this needs the role ${allowed.join(' or ')}`);
  }
}
