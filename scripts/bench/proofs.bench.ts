import { consistencyProof, inclusionProof, leafHash, TreeEdge, verifyConsistency, verifyInclusion, type Hash, type NodeKey } from '../../src/audit/merkle.js';
import { percentile } from './stats.js';

export interface ProofTiming { p50Ms: number; p99Ms: number }
export interface ProofFigures { leaves: number; buildSeconds: number; inclusion: ProofTiming; consistency: ProofTiming }

/**
 * Inclusion and consistency proofs over a tree of `leaves` entries: each
 * sample produces a proof from the stored perfect subtrees (as the sequencer
 * stores them: one flat buffer per level here, one indexed row each in the
 * database) and verifies it against the roots. The database read of the
 * O(log n) nodes a proof needs is one indexed query, not timed here.
 */
export function benchProofs(leaves: number, samples: number, seed = 1): ProofFigures {
  const started = performance.now();
  const levels: Buffer[] = [];
  const edge = new TreeEdge();
  const counts: number[] = [];
  for (let i = 0; i < leaves; i++) {
    for (const node of edge.append(leafHash(Buffer.from(`entry ${i}`)))) {
      levels[node.level] ??= Buffer.alloc(Math.floor(leaves / 2 ** node.level) * 32);
      node.hash.copy(levels[node.level]!, node.index * 32);
      counts[node.level] = node.index + 1;
    }
  }
  const node = ({ level, index }: NodeKey): Hash => levels[level]!.subarray(index * 32, index * 32 + 32);
  const buildSeconds = (performance.now() - started) / 1000;
  const rootAt = (size: number) => new TreeEdge(size, frontier(size, node)).root();

  let state = seed;
  const random = (n: number) => { state = (state * 1_103_515_245 + 12_345) % 2 ** 31; return state % n; };
  const inclusion: number[] = [];
  const consistency: number[] = [];
  const root = edge.root();
  for (let s = 0; s < samples; s++) {
    const index = random(leaves);
    let t = performance.now();
    const proof = inclusionProof(index, leaves, node);
    if (!verifyInclusion(node({ level: 0, index }), index, leaves, proof, root)) throw new Error(`inclusion proof of ${index} did not verify`);
    inclusion.push(performance.now() - t);
    const first = 1 + random(leaves - 1);
    const firstRoot = rootAt(first);
    t = performance.now();
    const cproof = consistencyProof(first, leaves, node);
    if (!verifyConsistency(first, leaves, firstRoot, root, cproof)) throw new Error(`consistency proof ${first}→${leaves} did not verify`);
    consistency.push(performance.now() - t);
  }
  const timing = (xs: number[]): ProofTiming => ({ p50Ms: percentile(xs, 50), p99Ms: percentile(xs, 99) });
  return { leaves, buildSeconds, inclusion: timing(inclusion), consistency: timing(consistency) };
}

function frontier(size: number, node: (k: NodeKey) => Hash): Hash[] {
  const out: Hash[] = [];
  let start = 0;
  for (let level = 40; level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) { out.push(node({ level, index: start / width })); start += width; }
  }
  return out;
}
