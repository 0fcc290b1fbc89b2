import { present } from '../../lib/one-of.js';
import { storedLeafHash, type StoredLogEntry } from '../../audit/entry.js';
import { consistencyProof, inclusionProof, withFetchedNodes } from '../../audit/merkle.js';
import type { Database } from '../../db/client.js';
import { findCheckpoint, findEntry, findLatestCheckpoint, findTreeNodes, type CheckpointRow } from '../../db/repositories/audit-tree.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound, ValidationFailed } from '../errors.js';
import { originFor } from './integrate-log.js';

const PROOF_READERS = ['manager', 'auditor'] as const;
const b64 = (h: Uint8Array) => Buffer.from(h).toString('base64');

async function latestOrFail(db: Database, la: string): Promise<CheckpointRow> {
  const latest = await findLatestCheckpoint(db, la);
  if (!latest) throw new NotFound('A signed checkpoint of this authority’s audit log');
  return latest;
}

/** The latest signed checkpoint, with the public key it verifies under. Hashes only: reading it is not recorded. */
export async function readCheckpoint({ ctx }: { ctx: VerbContext }) {
  const { deps, actor } = ctx;
  requireRole(actor, PROOF_READERS, 'read the audit log’s checkpoint');
  const latest = await latestOrFail(deps.db, actor.la);
  return {
    origin: originFor(deps, actor.la), treeSize: latest.treeSize, rootHash: b64(latest.rootHash),
    signedAt: latest.signedAt.toISOString(), note: latest.note, verifierKey: deps.audit.signer.verifierKey,
  };
}

function checkSize(size: number, latest: CheckpointRow, path: string) {
  if (size > latest.treeSize) {
    throw new ValidationFailed(`The log holds ${latest.treeSize} entries`, [{ path, message: `must be at most ${latest.treeSize}, the latest checkpoint’s size` }]);
  }
}

/** Inclusion proofs of placed entries in the tree of `size`, the stored nodes fetched in one query. */
export async function proveEntries(db: Database, la: string, entries: readonly StoredLogEntry[], size: number) {
  const within = entries.filter((e) => e.chainIndex !== null && e.chainIndex < size);
  const proofs = await withFetchedNodes(
    (node) => within.map((e) => inclusionProof(present(e.chainIndex, 'chain_index'), size, node)),
    (keys) => findTreeNodes(db, la, keys),
  );
  return new Map(within.map((e, i) => [e.id, { leafIndex: present(e.chainIndex, 'chain_index'), leafHash: b64(storedLeafHash(e)), proof: present(proofs[i], 'proof').map(b64) }]));
}

export async function proveInclusion({ ctx, entryId, size }: { ctx: VerbContext; entryId: string; size?: number | undefined }) {
  const { deps, actor } = ctx;
  requireRole(actor, PROOF_READERS, 'read audit proofs');
  const latest = await latestOrFail(deps.db, actor.la);
  const treeSize = size ?? latest.treeSize;
  checkSize(treeSize, latest, '/size');
  const entry = await findEntry(deps.db, actor.la, entryId);
  if (!entry) throw new NotFound(`Audit entry ${entryId}`);
  if (entry.chainIndex === null || entry.chainIndex >= treeSize) {
    throw new NotFound(`Audit entry ${entryId} in the tree of size ${treeSize}${entry.chainIndex === null ? ' (it is waiting for its place)' : ''}`);
  }
  const proved = present((await proveEntries(deps.db, actor.la, [entry], treeSize)).get(entry.id), 'inclusion proof');
  const signed = treeSize === latest.treeSize ? latest : await findCheckpoint(deps.db, actor.la, treeSize);
  return { entryId: entry.id, treeSize, ...proved, checkpoint: signed?.note ?? null };
}

export async function proveConsistency({ ctx, from, to }: { ctx: VerbContext; from: number; to?: number | undefined }) {
  const { deps, actor } = ctx;
  requireRole(actor, PROOF_READERS, 'read audit proofs');
  const latest = await latestOrFail(deps.db, actor.la);
  const second = to ?? latest.treeSize;
  checkSize(second, latest, '/to');
  if (from > second) throw new ValidationFailed('from is after to', [{ path: '/from', message: `must be at most ${second}` }]);
  const proof = await withFetchedNodes((node) => consistencyProof(from, second, node), (keys) => findTreeNodes(deps.db, actor.la, keys));
  const [fromCheckpoint, toCheckpoint] = await Promise.all([
    from === 0 ? null : findCheckpoint(deps.db, actor.la, from),
    second === latest.treeSize ? latest : findCheckpoint(deps.db, actor.la, second),
  ]);
  return { from, to: second, proof: proof.map(b64), fromCheckpoint: fromCheckpoint?.note ?? null, toCheckpoint: toCheckpoint?.note ?? null };
}
