import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH, hashEntry, LOG_HASH_ALGORITHM, logEntryLeafHash, storedLeafHash, type ChainedEntry, type LogEntry,
} from '../../../src/audit/entry.js';
import { TreeEdge, type Hash } from '../../../src/audit/merkle.js';
import { LogVerifier, type StoredEntry, type TrustedCheckpoint } from '../../../src/audit/verify.js';

const LA = 'E06000056';

function chain(length: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < length; i++) {
    const entry: ChainedEntry = {
      id: `aud_${i}`, la: LA, chainIndex: i, contactId: null, action: 'contact.read', actorSub: 'u', actorRole: 'screener',
      at: '2026-11-28T10:00:00.000Z', detail: { n: i }, hashAlg: 'sha256', prevHash,
    };
    prevHash = hashEntry(entry);
    entries.push({ ...entry, hash: prevHash });
  }
  return entries;
}
const headOf = (entries: StoredEntry[]) => ({ chainIndex: entries.length - 1, hash: entries.at(-1)!.hash });

/** Verifies with the leaves and checkpoints of `signed` (the log as the sequencer built it) against `entries` (as found). */
function verify(entries: StoredEntry[], head: { chainIndex: number; hash: string } | null, signed: StoredEntry[] = [], sizes: number[] = []) {
  const edge = new TreeEdge();
  const leaves = new Map<number, Hash>();
  const checkpoints: TrustedCheckpoint[] = [];
  signed.forEach((entry, i) => {
    leaves.set(i, storedLeafHash(entry));
    edge.append(storedLeafHash(entry));
    if (sizes.includes(i + 1)) checkpoints.push({ size: i + 1, root: edge.root() });
  });
  const verifier = new LogVerifier(LA, head, checkpoints);
  for (const entry of entries) if (!verifier.push(entry, leaves.get(entry.chainIndex!))) break;
  return verifier.finish();
}

/** The old chain of `chained` entries followed by `more` entries written since the tree, all placed. */
function log(chained: number, more: number): StoredEntry[] {
  const entries = chain(chained);
  for (let i = chained; i < chained + more; i++) {
    const entry: LogEntry = {
      id: `aud_${i}`, la: LA, contactId: null, action: 'contact.read', actorSub: 'u', actorRole: 'screener',
      at: '2026-11-28T10:00:00.000Z', detail: { n: i }, hashAlg: LOG_HASH_ALGORITHM,
    };
    entries.push({ ...entry, chainIndex: i, prevHash: null, hash: logEntryLeafHash(entry).toString('hex') });
  }
  return entries;
}

describe('LogVerifier over the old hash chain (pure)', () => {
  it('passes an intact chain and an empty one', () => {
    const entries = chain(5);
    expect(verify(entries, headOf(entries))).toMatchObject({ ok: true, entriesChecked: 5, firstBreak: null });
    expect(verify([], null)).toMatchObject({ ok: true, entriesChecked: 0 });
  });

  it('stops at the first break and counts only the entries before it', () => {
    const entries = chain(5);
    entries[1] = { ...entries[1]!, detail: { n: 99 } };
    entries[3] = { ...entries[3]!, actorSub: 'x' };
    expect(verify(entries, headOf(entries))).toMatchObject({ ok: false, entriesChecked: 1, firstBreak: { chainIndex: 1, entryId: 'aud_1', reason: 'hash-mismatch' } });
  });

  it('catches a head with no entries behind it, an entry of another authority and an unknown algorithm', () => {
    const entries = chain(3);
    expect(verify([], headOf(entries)).firstBreak).toMatchObject({ chainIndex: 0, entryId: null, reason: 'head-mismatch' });
    expect(verify([{ ...entries[0]!, la: 'E06000055' }], headOf(entries)).firstBreak).toMatchObject({ reason: 'wrong-authority' });
    expect(verify([{ ...entries[0]!, hashAlg: 'md5' }], headOf(entries)).firstBreak).toMatchObject({ reason: 'unsupported-hash' });
  });

  it('catches a head that records another hash for the last entry', () => {
    const entries = chain(3);
    expect(verify(entries, { chainIndex: 2, hash: 'sha256:0' }).firstBreak).toMatchObject({ chainIndex: 2, reason: 'head-mismatch' });
  });
});

describe('LogVerifier over the tree (pure)', () => {
  const signed = log(3, 6);
  const head = headOf(signed.slice(0, 3));
  const sizes = [3, 5, 9];

  it('passes an intact log, checking every checkpoint on the way', () => {
    expect(verify(signed, head, signed, sizes)).toMatchObject({ ok: true, entriesChecked: 9, checkpointsChecked: 3, checkpoint: { treeSize: 9 } });
    expect(verify(log(0, 4), null, log(0, 4), [4])).toMatchObject({ ok: true, entriesChecked: 4 });
  });

  it('names an altered entry, a moved one and one altered with its hash recomputed', () => {
    const edited = [...signed];
    edited[4] = { ...edited[4]!, detail: { n: 'x' } };
    expect(verify(edited, head, signed, sizes).firstBreak).toMatchObject({ chainIndex: 4, entryId: 'aud_4', reason: 'hash-mismatch' });
    const swapped = [...signed];
    swapped[5] = { ...signed[7]!, chainIndex: 5 };
    swapped[7] = { ...signed[5]!, chainIndex: 7 };
    expect(verify(swapped, head, signed, sizes).firstBreak).toMatchObject({ chainIndex: 5, entryId: 'aud_7', reason: 'leaf-mismatch' });
    const { hash: _, ...content } = { ...signed[6]!, actorSub: 'someone-else' };
    const rehashed = [...signed];
    rehashed[6] = { ...content, hash: logEntryLeafHash(content).toString('hex') };
    expect(verify(rehashed, head, signed, sizes).firstBreak).toMatchObject({ chainIndex: 6, reason: 'leaf-mismatch' });
  });

  it('catches a tree rewritten under its signed checkpoints: the stored leaves agree with the entries but the root does not', () => {
    const forged = [...signed];
    const { hash: _, ...content } = { ...signed[6]!, detail: { n: 'rewritten' } };
    forged[6] = { ...content, hash: logEntryLeafHash(content).toString('hex') };
    const honest = verify(signed, head, signed, sizes);
    expect(honest.ok).toBe(true);
    // The forger rebuilt the stored leaves too; only the checkpoints, which they cannot sign, still hold the truth.
    const edge = new TreeEdge();
    const checkpoints: TrustedCheckpoint[] = [];
    signed.forEach((e, i) => { edge.append(storedLeafHash(e)); if (sizes.includes(i + 1)) checkpoints.push({ size: i + 1, root: edge.root() }); });
    const verifier = new LogVerifier(LA, head, checkpoints);
    for (const entry of forged) if (!verifier.push(entry, storedLeafHash(entry))) break;
    expect(verifier.finish().firstBreak).toMatchObject({ chainIndex: 8, entryId: null, reason: 'root-mismatch' });
  });

  it('catches entries past the latest checkpoint, entries missing from the end, and a new entry in the old format', () => {
    expect(verify(signed, head, signed, [3, 5]).firstBreak).toMatchObject({ chainIndex: 5, reason: 'beyond-checkpoint' });
    expect(verify(signed.slice(0, 7), head, signed, sizes).firstBreak).toMatchObject({ chainIndex: 7, entryId: null, reason: 'missing-entries' });
    const oldFormat = [...signed];
    oldFormat[3] = { ...oldFormat[3]!, hashAlg: 'sha256', prevHash: signed[2]!.hash };
    expect(verify(oldFormat, head, signed, sizes).firstBreak).toMatchObject({ chainIndex: 3, reason: 'unsupported-hash' });
  });

  it('keeps a break reported from outside the walk', () => {
    const verifier = new LogVerifier(LA, null, []);
    verifier.fail({ la: LA, chainIndex: null, entryId: 'aud_x', reason: 'not-integrated', detail: 'waited' });
    expect(verifier.push(log(0, 1)[0]!, undefined)).toBe(false);
    expect(verifier.finish()).toMatchObject({ ok: false, firstBreak: { reason: 'not-integrated', entryId: 'aud_x' } });
  });
});
