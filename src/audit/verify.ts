import { GENESIS_HASH, hashEntry, type ChainedEntry } from './entry.js';

/** An entry as stored: its content and the hash written with it. */
export interface StoredEntry extends ChainedEntry { hash: string }

export interface ChainHead { chainIndex: number; hash: string }

export type BreakReason =
  | 'wrong-authority'
  | 'index-gap'
  | 'prev-hash-mismatch'
  | 'hash-mismatch'
  | 'unsupported-hash'
  | 'beyond-head'
  | 'head-missing'
  | 'head-mismatch';

export interface ChainBreak {
  la: string;
  /** Where the chain first stops being what was written: the entry found there, or the index that should exist. */
  chainIndex: number;
  entryId: string | null;
  reason: BreakReason;
  detail: string;
}

export interface ChainReport {
  la: string;
  ok: boolean;
  /** Entries checked before the first break (all of them when ok). */
  entriesChecked: number;
  head: ChainHead | null;
  firstBreak: ChainBreak | null;
}

/**
 * Walks one authority's chain in chain_index order, an entry at a time, so
 * the caller can feed it page by page. It stops at the first broken link:
 * after that, every later entry is suspect and adds nothing to the finding.
 */
export class ChainVerifier {
  private expectedIndex = 0;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private broken: ChainBreak | null = null;

  /** The head is read first, in the same snapshot as the entries: audit_heads is written with every append. */
  constructor(readonly la: string, private readonly head: ChainHead | null) {}

  get isBroken(): boolean { return this.broken !== null; }

  /** Checks the next entry; false once the chain is broken. */
  push(entry: StoredEntry): boolean {
    if (this.broken) return false;
    const fault = this.check(entry);
    if (fault) {
      this.broken = { la: this.la, chainIndex: entry.chainIndex, entryId: entry.id, ...fault };
      return false;
    }
    this.checked += 1;
    this.expectedIndex += 1;
    this.prevHash = entry.hash;
    return true;
  }

  private check(entry: StoredEntry): Pick<ChainBreak, 'reason' | 'detail'> | null {
    if (entry.la !== this.la) return { reason: 'wrong-authority', detail: `entry belongs to ${entry.la}` };
    if (entry.chainIndex !== this.expectedIndex) {
      return { reason: 'index-gap', detail: `expected chain index ${this.expectedIndex}, found ${entry.chainIndex}: entries are missing` };
    }
    if (!this.head) return { reason: 'head-missing', detail: 'the chain has entries but audit_heads has no head for it' };
    if (entry.chainIndex > this.head.chainIndex) {
      return { reason: 'beyond-head', detail: `audit_heads ends the chain at ${this.head.chainIndex}: this entry was not appended through the chain` };
    }
    if (entry.prevHash !== this.prevHash) {
      return { reason: 'prev-hash-mismatch', detail: 'does not link to the entry before it: an entry was removed, reordered or inserted' };
    }
    const { hash: _stored, ...content } = entry;
    let actual: string;
    try {
      actual = hashEntry(content);
    } catch (error) {
      return { reason: 'unsupported-hash', detail: (error as Error).message };
    }
    if (actual !== entry.hash) return { reason: 'hash-mismatch', detail: 'content does not match its hash: the entry was altered' };
    return null;
  }

  /** Compares the end of the chain with audit_heads, which is what catches entries deleted from the end. */
  finish(): ChainReport {
    const { head } = this;
    const report = (firstBreak: ChainBreak | null): ChainReport => ({ la: this.la, ok: firstBreak === null, entriesChecked: this.checked, head, firstBreak });
    if (this.broken || !head) return report(this.broken);
    const lastIndex = this.expectedIndex - 1;
    if (head.chainIndex > lastIndex) {
      return report({
        la: this.la, chainIndex: lastIndex + 1, entryId: null, reason: 'head-mismatch',
        detail: `audit_heads records entry ${head.chainIndex} but the chain ends at ${lastIndex}: entries were deleted from the end`,
      });
    }
    if (head.hash !== this.prevHash) {
      return report({
        la: this.la, chainIndex: lastIndex, entryId: null, reason: 'head-mismatch',
        detail: 'the last entry does not have the hash audit_heads records for it',
      });
    }
    return report(null);
  }
}
