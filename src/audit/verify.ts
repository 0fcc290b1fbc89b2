import { GENESIS_HASH, hashEntry, LOG_HASH_ALGORITHM, logEntryLeafHash, storedLeafHash, type StoredLogEntry } from './entry.js';
import { present } from '../lib/one-of.js';
import { TreeEdge, type Hash } from './merkle.js';

/** An entry as stored (kept under its old name: the verifier's callers and tests use it). */
export type StoredEntry = StoredLogEntry;

/** Where the old hash chain ended (audit_heads): its entries are the tree's first leaves. */
export interface ChainHead { chainIndex: number; hash: string }

/** A checkpoint whose signature has been checked: its size and the root it commits to. */
export interface TrustedCheckpoint { size: number; root: Hash }

export type BreakReason =
  | 'wrong-authority'
  | 'index-gap'
  | 'prev-hash-mismatch'
  | 'hash-mismatch'
  | 'unsupported-hash'
  | 'head-mismatch'
  | 'leaf-mismatch'
  | 'root-mismatch'
  | 'beyond-checkpoint'
  | 'missing-entries'
  | 'bad-checkpoint'
  | 'not-integrated';

export interface ChainBreak {
  la: string;
  /** Where the log first stops being what was signed: the leaf index found or expected; null for an entry never placed. */
  chainIndex: number | null;
  entryId: string | null;
  reason: BreakReason;
  detail: string;
}

export interface ChainReport {
  la: string;
  ok: boolean;
  /** Placed entries checked before the first break (all of them when ok). */
  entriesChecked: number;
  /** The latest signed checkpoint, checked against the entries. */
  checkpoint: { treeSize: number; rootHash: string } | null;
  checkpointsChecked: number;
  firstBreak: ChainBreak | null;
}

/**
 * Walks one authority's log in leaf order, an entry at a time (the caller
 * feeds it page by page), recomputing the Merkle tree and comparing its root
 * with every signed checkpoint as the walk reaches that size: every
 * checkpoint is then known to extend the one before (consistency). Each entry
 * is also checked against its own hash and against the stored leaf, which is
 * what names the first altered, removed or moved entry rather than only the
 * checkpoint it spoils. Entries of the old hash chain are still checked link
 * by link as before. It stops at the first break.
 */
export class LogVerifier {
  private expectedIndex = 0;
  private prevHash = GENESIS_HASH;
  private chainHeadSeen = false;
  private readonly edge = new TreeEdge();
  private nextCheckpoint = 0;
  private broken: ChainBreak | null = null;
  private readonly latestSize: number;
  private readonly chainEnd: number;

  constructor(
    readonly la: string,
    private readonly chainHead: ChainHead | null,
    private readonly checkpoints: readonly TrustedCheckpoint[],
  ) {
    this.latestSize = checkpoints.at(-1)?.size ?? 0;
    this.chainEnd = chainHead ? chainHead.chainIndex + 1 : 0;
  }

  get isBroken(): boolean { return this.broken !== null; }

  /** Records a break found outside the walk (a bad signature, an entry never placed); the first one found stands. */
  fail(found: ChainBreak): void { this.broken ??= found; }

  /** Checks the next entry with the leaf stored for its index (undefined when none is); false once the log is broken. */
  push(entry: StoredEntry, storedLeaf: Hash | undefined): boolean {
    if (this.broken) return false;
    const fault = this.check(entry, storedLeaf);
    if (fault) {
      this.broken = { la: this.la, chainIndex: entry.chainIndex, entryId: entry.id, ...fault };
      return false;
    }
    this.expectedIndex += 1;
    if (this.edge.size === this.checkpoints[this.nextCheckpoint]?.size) {
      const checkpoint = present(this.checkpoints[this.nextCheckpoint], 'checkpoint');
      this.nextCheckpoint += 1;
      if (!this.edge.root().equals(checkpoint.root)) {
        this.broken = {
          la: this.la, chainIndex: checkpoint.size - 1, entryId: null, reason: 'root-mismatch',
          detail: `the first ${checkpoint.size} entries do not hash to the root their signed checkpoint commits to`,
        };
        return false;
      }
    }
    return true;
  }

  private check(entry: StoredEntry, storedLeaf: Hash | undefined): Pick<ChainBreak, 'reason' | 'detail'> | null {
    if (entry.la !== this.la) return { reason: 'wrong-authority', detail: `entry belongs to ${entry.la}` };
    if (entry.chainIndex !== this.expectedIndex) {
      return { reason: 'index-gap', detail: `expected leaf ${this.expectedIndex}, found ${entry.chainIndex}: entries are missing` };
    }
    const index = entry.chainIndex;
    const inChain = index < this.chainEnd;
    if (index >= this.latestSize && !inChain) {
      return { reason: 'beyond-checkpoint', detail: `no signed checkpoint covers leaf ${index} (the latest covers ${this.latestSize}): it was not placed by the sequencer` };
    }
    let leaf: Hash;
    try {
      if (inChain) {
        if (entry.prevHash !== this.prevHash) {
          return { reason: 'prev-hash-mismatch', detail: 'does not link to the entry before it: an entry was removed, reordered or inserted' };
        }
        const { hash: _stored, ...content } = entry;
        if (hashEntry({ ...content, chainIndex: index, prevHash: entry.prevHash }) !== entry.hash) {
          return { reason: 'hash-mismatch', detail: 'content does not match its hash: the entry was altered' };
        }
        this.prevHash = entry.hash;
        if (index === this.chainEnd - 1) {
          this.chainHeadSeen = true;
          if (entry.hash !== this.chainHead?.hash) return { reason: 'head-mismatch', detail: 'the last entry of the hash chain does not have the hash audit_heads records for it' };
        }
      } else {
        if (entry.hashAlg !== LOG_HASH_ALGORITHM) return { reason: 'unsupported-hash', detail: `hash algorithm ${entry.hashAlg} after the hash chain ended` };
        if (logEntryLeafHash(entry).toString('hex') !== entry.hash) {
          return { reason: 'hash-mismatch', detail: 'content does not match its hash: the entry was altered' };
        }
      }
      leaf = storedLeafHash(entry);
    } catch (error) {
      return { reason: 'unsupported-hash', detail: (error as Error).message };
    }
    if (index < this.latestSize && !storedLeaf?.equals(leaf)) {
      return { reason: 'leaf-mismatch', detail: storedLeaf ? 'is not the entry the tree holds at this place: entries were moved, replaced or altered' : 'the tree has no leaf stored at this place' };
    }
    this.edge.append(leaf);
    return null;
  }

  finish(): ChainReport {
    const latest = this.checkpoints.at(-1);
    const report = (firstBreak: ChainBreak | null): ChainReport => ({
      la: this.la, ok: firstBreak === null, entriesChecked: this.expectedIndex,
      checkpoint: latest ? { treeSize: latest.size, rootHash: latest.root.toString('base64') } : null,
      checkpointsChecked: this.nextCheckpoint, firstBreak,
    });
    if (this.broken) return report(this.broken);
    if (this.chainEnd > 0 && !this.chainHeadSeen) {
      return report({
        la: this.la, chainIndex: this.expectedIndex, entryId: null, reason: 'head-mismatch',
        detail: `audit_heads records chain entry ${this.chainEnd - 1} but the log ends at ${this.expectedIndex - 1}: entries were deleted from the end`,
      });
    }
    if (this.latestSize > this.expectedIndex) {
      return report({
        la: this.la, chainIndex: this.expectedIndex, entryId: null, reason: 'missing-entries',
        detail: `the latest signed checkpoint covers ${this.latestSize} entries but the log ends at ${this.expectedIndex - 1}: entries were deleted from the end`,
      });
    }
    return report(null);
  }
}
