import { openCheckpoint, parseVerifierKey, type Checkpoint } from './checkpoint.js';
import { verifyConsistency, verifyInclusion } from './merkle.js';

/** What the API hands out, as JSON: an inclusion proof, or a consistency proof with the earlier checkpoint. */
export interface InclusionInput { entryId?: string; leafIndex: number; treeSize: number; leafHash: string; proof: string[] }
export interface ConsistencyInput { from: number; to: number; proof: string[] }

export interface OfflineResult { ok: boolean; checks: string[]; failure: string | null }

const hashes = (list: string[]) => list.map((h) => Buffer.from(h, 'base64'));

/**
 * Checks a checkpoint's signature with the verifier key alone, then an
 * inclusion proof and/or a consistency proof (from an older signed
 * checkpoint) against it. Needs nothing from the service but these texts.
 */
export function verifyOffline(input: {
  verifierKey: string; checkpoint: string; inclusion?: InclusionInput; consistency?: ConsistencyInput; olderCheckpoint?: string;
}): OfflineResult {
  const checks: string[] = [];
  const fail = (failure: string): OfflineResult => ({ ok: false, checks, failure });
  let verifier: ReturnType<typeof parseVerifierKey>;
  try {
    verifier = parseVerifierKey(input.verifierKey);
  } catch (error) {
    return fail(`verifier key: ${(error as Error).message}`);
  }
  const open = (note: string, what: string): Checkpoint | string => {
    const opened = openCheckpoint(note, verifier);
    return opened.ok ? opened.checkpoint : `${what}: ${opened.reason}`;
  };
  const latest = open(input.checkpoint, 'checkpoint');
  if (typeof latest === 'string') return fail(latest);
  checks.push(`checkpoint ${latest.origin} size ${latest.size} is signed by ${verifier.name}`);
  if (input.inclusion) {
    const p = input.inclusion;
    if (p.treeSize !== latest.size) return fail(`the inclusion proof is for size ${p.treeSize}, the checkpoint is of size ${latest.size}`);
    if (!verifyInclusion(Buffer.from(p.leafHash, 'base64'), p.leafIndex, p.treeSize, hashes(p.proof), latest.root)) {
      return fail(`entry ${p.entryId ?? ''} at leaf ${p.leafIndex} is not proved to be in the checkpoint’s tree`.replace('  ', ' '));
    }
    checks.push(`entry ${p.entryId ? `${p.entryId} ` : ''}is leaf ${p.leafIndex} of the tree of size ${p.treeSize}`);
  }
  if (input.consistency) {
    if (!input.olderCheckpoint) return fail('a consistency proof needs the older checkpoint');
    const older = open(input.olderCheckpoint, 'older checkpoint');
    if (typeof older === 'string') return fail(older);
    const c = input.consistency;
    if (older.origin !== latest.origin) return fail(`the checkpoints are of different logs (${older.origin}, ${latest.origin})`);
    if (c.from !== older.size || c.to !== latest.size) return fail(`the proof is from ${c.from} to ${c.to}, the checkpoints are of sizes ${older.size} and ${latest.size}`);
    if (!verifyConsistency(older.size, latest.size, older.root, latest.root, hashes(c.proof))) {
      return fail(`the tree of size ${latest.size} does not extend the tree of size ${older.size}: the log was rewritten`);
    }
    checks.push(`the tree of size ${latest.size} extends the tree of size ${older.size}`);
  }
  return { ok: true, checks, failure: null };
}
