import { canonicalJson } from '../lib/canonical-json.js';
import { HASH_ALGORITHM, sha256 } from '../lib/hash.js';
import { leafHash } from './merkle.js';

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

/** An entry of the hash chain that came before the tree: the log's content, its place and the hash before it. */
export interface ChainedEntry extends LogEntry {
  chainIndex: number;
  prevHash: string;
}

export const GENESIS_HASH = 'genesis';

/** The hash of an entry's canonical content, chained to the entry before it. */
export function hashEntry(entry: ChainedEntry): string {
  if (entry.hashAlg !== HASH_ALGORITHM) throw new Error(`Unsupported audit hash algorithm: ${entry.hashAlg}`);
  return sha256(canonicalJson(entry));
}

/**
 * Entries written since the log became a Merkle tree: content only. Their
 * place (chain_index, the leaf index) is given later by the sequencer and
 * bound by the tree, so it is not part of what is hashed.
 */
export const LOG_HASH_ALGORITHM = 'rfc9162-sha256';

export interface LogEntry {
  id: string;
  la: string;
  contactId: string | null;
  action: string;
  actorSub: string;
  actorRole: string;
  at: string;
  detail: Record<string, unknown>;
  hashAlg: string;
}

/** An entry as stored, of either kind: hash-chained (before the tree) or a plain leaf. */
export interface StoredLogEntry extends LogEntry {
  chainIndex: number | null;
  prevHash: string | null;
  hash: string;
}

export function logEntryLeafHash(entry: LogEntry): Buffer {
  if (entry.hashAlg !== LOG_HASH_ALGORITHM) throw new Error(`Unsupported audit hash algorithm: ${entry.hashAlg}`);
  const { id, la, contactId, action, actorSub, actorRole, at, detail, hashAlg } = entry;
  return leafHash(Buffer.from(canonicalJson({ id, la, contactId, action, actorSub, actorRole, at, detail, hashAlg })));
}

/**
 * The tree leaf of a stored entry. A hash-chained entry's leaf is its whole
 * chained content, index and previous hash included, so the chain it was
 * written into is preserved inside the tree.
 */
export function storedLeafHash(entry: StoredLogEntry): Buffer {
  if (entry.hashAlg === LOG_HASH_ALGORITHM) return logEntryLeafHash(entry);
  if (entry.hashAlg !== HASH_ALGORITHM || entry.chainIndex === null || entry.prevHash === null) {
    throw new Error(`Unsupported audit hash algorithm: ${entry.hashAlg}`);
  }
  const { hash: _hash, ...rest } = entry;
  const chained: ChainedEntry = { ...rest, chainIndex: entry.chainIndex, prevHash: entry.prevHash };
  return leafHash(Buffer.from(canonicalJson(chained)));
}
