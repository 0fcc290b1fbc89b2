import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof, EMPTY_ROOT, inclusionProof, leafHash, nodeKeyString, subtreeRoot, TreeEdge, verifyConsistency, verifyInclusion,
  type Hash, type NodeKey,
} from '../../../src/audit/merkle.js';

/** The test vectors of RFC 6962's reference implementation (also used by Trillian and Go's sumdb). */
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** Builds a tree by appending, keeping every node it completes, as the sequencer stores them. */
function buildTree(leaves: readonly Uint8Array[]) {
  const edge = new TreeEdge();
  const nodes = new Map<string, Hash>();
  const roots: Hash[] = [EMPTY_ROOT];
  for (const leaf of leaves) {
    for (const made of edge.append(leafHash(leaf))) nodes.set(nodeKeyString(made), made.hash);
    roots.push(edge.root());
  }
  const lookup = (key: NodeKey) => {
    const hash = nodes.get(nodeKeyString(key));
    if (!hash) throw new Error(`missing ${nodeKeyString(key)}`);
    return hash;
  };
  return { roots, lookup, leafHashes: leaves.map((l) => leafHash(l)) };
}

const hex = (h: Uint8Array) => Buffer.from(h).toString('hex');

describe('RFC 9162 Merkle tree', () => {
  const tree = buildTree(LEAVES);

  it('gives the reference roots for every size', () => {
    expect(tree.roots.slice(1).map(hex)).toEqual(ROOTS);
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= 8; n++) expect(hex(subtreeRoot(0, n, tree.lookup))).toBe(ROOTS[n - 1]);
  });

  it('gives the reference inclusion proofs', () => {
    expect(inclusionProof(0, 1, tree.lookup)).toEqual([]);
    expect(inclusionProof(0, 8, tree.lookup).map(hex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(inclusionProof(5, 8, tree.lookup).map(hex)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });

  it('gives the reference consistency proofs', () => {
    expect(consistencyProof(1, 1, tree.lookup)).toEqual([]);
    expect(consistencyProof(1, 8, tree.lookup).map(hex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(consistencyProof(6, 8, tree.lookup).map(hex)).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(consistencyProof(2, 5, tree.lookup).map(hex)).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
  });

  const sizes = fc.integer({ min: 1, max: 70 }).chain((size) => fc.record({
    size: fc.constant(size), index: fc.integer({ min: 0, max: size - 1 }), first: fc.integer({ min: 0, max: size }),
    // Each leaf starts with its own index, so no two leaves are equal and a proof for one cannot fit another.
    seed: fc.array(fc.uint8Array({ maxLength: 12 }), { minLength: size, maxLength: size })
      .map((xs) => xs.map((x, i) => Buffer.concat([Buffer.from(String(i)), x]))),
    flip: fc.nat(),
  }));

  it('verifies every inclusion proof it generates, and no tampered one', () => {
    fc.assert(fc.property(sizes, ({ size, index, seed, flip }) => {
      const t = buildTree(seed);
      const proof = inclusionProof(index, size, t.lookup);
      expect(verifyInclusion(t.leafHashes[index]!, index, size, proof, t.roots[size]!)).toBe(true);
      expect(verifyInclusion(leafHash(Buffer.from('forged')), index, size, proof, t.roots[size]!)).toBe(false);
      if (size > 1) expect(verifyInclusion(t.leafHashes[index]!, (index + 1) % size, size, proof, t.roots[size]!)).toBe(false);
      if (proof.length > 0) {
        const bent = proof.map((p) => Buffer.from(p));
        const victim = bent[flip % bent.length]!;
        victim[flip % 32] = victim[flip % 32]! ^ 1;
        expect(verifyInclusion(t.leafHashes[index]!, index, size, bent, t.roots[size]!)).toBe(false);
        expect(verifyInclusion(t.leafHashes[index]!, index, size, proof.slice(1), t.roots[size]!)).toBe(false);
      }
    }), { numRuns: 300 });
  });

  it('verifies every consistency proof it generates, and no tampered one', () => {
    fc.assert(fc.property(sizes, ({ size, first, seed, flip }) => {
      const t = buildTree(seed);
      const proof = consistencyProof(first, size, t.lookup);
      expect(verifyConsistency(first, size, t.roots[first]!, t.roots[size]!, proof)).toBe(true);
      if (first > 0 && first < size) {
        const bent = proof.map((p) => Buffer.from(p));
        const victim = bent[flip % bent.length]!;
        victim[flip % 32] = victim[flip % 32]! ^ 1;
        expect(verifyConsistency(first, size, t.roots[first]!, t.roots[size]!, bent)).toBe(false);
        // A rewritten history: the same sizes, an earlier root that the later tree does not extend.
        const other = buildTree(seed.map((s, i) => (i === 0 ? Buffer.concat([s, Buffer.from([1])]) : s)));
        expect(verifyConsistency(first, size, other.roots[first]!, t.roots[size]!, proof)).toBe(false);
      }
    }), { numRuns: 300 });
  });

  it('resumes an edge from its stored frontier with the same roots', () => {
    const first = buildTree(LEAVES.slice(0, 5));
    const resumed = new TreeEdge(5, [first.lookup({ level: 2, index: 0 }), first.lookup({ level: 0, index: 4 })]);
    for (const leaf of LEAVES.slice(5)) resumed.append(leafHash(leaf));
    expect(hex(resumed.root())).toBe(ROOTS[7]);
  });
});
