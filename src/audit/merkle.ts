// biome-ignore-all lint/style/noNonNullAssertion: tree arithmetic; every index is bounded by the tree size checked at the top of each function, which noUncheckedIndexedAccess cannot see
import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 §2.1: leaf = SHA-256(0x00 || entry),
 * node = SHA-256(0x01 || left || right), and the inclusion and consistency
 * proofs of §2.1.3 and §2.1.4. Pure: hashes of stored subtrees come in
 * through a lookup, so the same code serves the database and the tests.
 */
export type Hash = Buffer;

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function leafHash(entry: Uint8Array): Hash {
  return createHash('sha256').update(LEAF).update(entry).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** A perfect, aligned subtree: `level` 0 is a leaf; it covers leaves [index·2^level, (index+1)·2^level). */
export interface NodeKey { level: number; index: number }

/** Hash of a stored perfect subtree; throws when absent (proofs are only built over stored trees). */
export type NodeLookup = (key: NodeKey) => Hash;

const nodeKeyString = ({ level, index }: NodeKey) => `${level}/${index}`;

/** The largest power of two strictly below n (n > 1). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** MTH(D[lo:hi]) from stored perfect subtrees: O(log n) lookups for the ranges proofs ask for. */
export function subtreeRoot(lo: number, hi: number, node: NodeLookup): Hash {
  const n = hi - lo;
  if (n <= 0) return EMPTY_ROOT;
  if (isPowerOfTwo(n) && lo % n === 0) return node({ level: Math.log2(n), index: lo / n });
  const k = splitPoint(n);
  return nodeHash(subtreeRoot(lo, lo + k, node), subtreeRoot(lo + k, hi, node));
}

/** The perfect subtrees that make up [0, size), left to right: the right edge an append continues from. */
export function frontierKeys(size: number): NodeKey[] {
  const keys: NodeKey[] = [];
  let start = 0;
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) {
      keys.push({ level, index: start / width });
      start += width;
    }
  }
  return keys;
}

/** PATH(m, D[lo:hi]) of RFC 9162 §2.1.3.1, leaf end first. */
export function inclusionProof(index: number, size: number, node: NodeLookup): Hash[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
  const path: Hash[] = [];
  const walk = (m: number, lo: number, hi: number) => {
    const n = hi - lo;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, lo, lo + k);
      path.push(subtreeRoot(lo + k, hi, node));
    } else {
      walk(m - k, lo + k, hi);
      path.push(subtreeRoot(lo, lo + k, node));
    }
  };
  walk(index, 0, size);
  return path;
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: empty when m is 0 or m equals n. */
export function consistencyProof(first: number, second: number, node: NodeLookup): Hash[] {
  if (!(first >= 0 && first <= second)) throw new RangeError(`a tree of size ${first} cannot precede one of size ${second}`);
  if (first === 0 || first === second) return [];
  const proof: Hash[] = [];
  const sub = (m: number, lo: number, hi: number, whole: boolean) => {
    const n = hi - lo;
    if (m === n) {
      if (!whole) proof.push(subtreeRoot(lo, hi, node));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, lo, lo + k, whole);
      proof.push(subtreeRoot(lo + k, hi, node));
    } else {
      sub(m - k, lo + k, hi, false);
      proof.push(subtreeRoot(lo, lo + k, node));
    }
  };
  sub(first, 0, second, true);
  return proof;
}

/**
 * Runs a proof builder twice: once to learn which stored subtrees it needs,
 * then with them fetched in one go. Keeps the database out of the pure code.
 */
export async function withFetchedNodes<T>(build: (node: NodeLookup) => T, fetch: (keys: NodeKey[]) => Promise<Map<string, Hash>>): Promise<T> {
  const wanted = new Map<string, NodeKey>();
  const zero = Buffer.alloc(32);
  build((key) => { wanted.set(nodeKeyString(key), key); return zero; });
  const found = await fetch([...wanted.values()]);
  return build((key) => {
    const hash = found.get(nodeKeyString(key));
    if (!hash) throw new Error(`tree node ${nodeKeyString(key)} is missing`);
    return hash;
  });
}
export { nodeKeyString };

/** RFC 9162 §2.1.3.2. */
export function verifyInclusion(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!(index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && Buffer.compare(Buffer.from(r), Buffer.from(root)) === 0;
}

/** RFC 9162 §2.1.4.2; a tree of size 0 is consistent with any tree. */
export function verifyConsistency(first: number, second: number, firstRoot: Uint8Array, secondRoot: Uint8Array, proof: readonly Uint8Array[]): boolean {
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
  if (!(first >= 0 && first <= second)) return false;
  if (first === 0) return proof.length === 0;
  if (first === second) return proof.length === 0 && same(firstRoot, secondRoot);
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && same(fr, firstRoot) && same(sr, secondRoot);
}

/**
 * The right edge of a growing tree (a "compact range"): appending a leaf
 * yields every perfect subtree it completes, and the root is folded from the
 * edge in O(log n). The sequencer stores what `append` yields; the verifier
 * recomputes roots with it while walking the log.
 */
export class TreeEdge {
  private readonly stack: { level: number; index: number; hash: Hash }[];
  private count: number;

  constructor(size = 0, edge: readonly Hash[] = []) {
    const keys = frontierKeys(size);
    if (keys.length !== edge.length) throw new Error(`a tree of size ${size} has ${keys.length} edge nodes, ${edge.length} given`);
    this.stack = keys.map((k, i) => ({ ...k, hash: edge[i]! }));
    this.count = size;
  }

  get size(): number { return this.count; }

  /** Adds the next leaf; returns the perfect subtrees completed by it, the leaf first. */
  append(leaf: Hash): (NodeKey & { hash: Hash })[] {
    const made = [{ level: 0, index: this.count, hash: leaf }];
    this.stack.push(made[0]!);
    this.count += 1;
    while (this.stack.length >= 2 && this.stack.at(-1)!.level === this.stack.at(-2)!.level) {
      const right = this.stack.pop()!;
      const left = this.stack.pop()!;
      const merged = { level: left.level + 1, index: left.index / 2, hash: nodeHash(left.hash, right.hash) };
      this.stack.push(merged);
      made.push(merged);
    }
    return made;
  }

  root(): Hash {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let r = this.stack.at(-1)!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) r = nodeHash(this.stack[i]!.hash, r);
    return r;
  }
}
