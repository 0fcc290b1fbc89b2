import { canonicalJson } from '../lib/canonical-json.js';
import { HASH_ALGORITHM, sha256 } from '../lib/hash.js';

export type AuditAction =
  | 'contact.recorded'
  | 'contact.triaged'
  | 'contact.read'
  | 'contact.decided'
  | 'contact.returned'
  | 'contact.reviewed'
  | 'contact.closed'
  | (string & {});

/** What a domain verb says happened. Never a name, address or NHS number: records are referred to by id. */
export interface AuditEvent {
  la: string;
  contactId: string | null;
  action: AuditAction;
  actor: { sub: string; role: string };
  at: Date;
  detail: Record<string, unknown>;
}

export interface ChainedEntry {
  id: string;
  la: string;
  chainIndex: number;
  contactId: string | null;
  action: string;
  actorSub: string;
  actorRole: string;
  at: string;
  detail: Record<string, unknown>;
  hashAlg: string;
  prevHash: string;
}

export const GENESIS_HASH = 'genesis';

/** The hash of an entry's canonical content, chained to the entry before it. */
export function hashEntry(entry: ChainedEntry): string {
  if (entry.hashAlg !== HASH_ALGORITHM) throw new Error(`Unsupported audit hash algorithm: ${entry.hashAlg}`);
  return sha256(canonicalJson(entry));
}
