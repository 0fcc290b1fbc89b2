import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEntry, type ChainedEntry } from '../../../src/audit/entry.js';
import { ChainVerifier, type StoredEntry } from '../../../src/audit/verify.js';

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

function verify(entries: StoredEntry[], head: { chainIndex: number; hash: string } | null) {
  const verifier = new ChainVerifier(LA, head);
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish();
}

describe('ChainVerifier (pure)', () => {
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
