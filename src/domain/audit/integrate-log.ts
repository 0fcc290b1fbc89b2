import { storedLeafHash, type StoredLogEntry } from '../../audit/entry.js';
import { frontierKeys, nodeKeyString, TreeEdge, type Hash, type NodeKey } from '../../audit/merkle.js';
import {
  findChainEnd, findLatestCheckpoint, findTreeNodes, insertCheckpoint, insertTreeNodes, listAuthoritiesWithChainToIntegrate,
  listAuthoritiesWithUnplaced, listPlacedEntries, listUnplacedEntries, placeEntries, tryLockAuthorityLog,
} from '../../db/repositories/audit-tree.repo.js';
import type { Deps } from '../context.js';

export const INTEGRATE_BATCH = 2_000;

export const originFor = (deps: Pick<Deps, 'audit'>, la: string) => `${deps.audit.config.origin}/${la}`;

export interface BatchResult { la: string; integrated: number; treeSize: number; busy: boolean }

/**
 * The sequencer, for one authority and one batch: in one transaction, under
 * the authority's advisory lock (so one instance at a time does this), it
 * gives the next committed entries their places, stores the subtrees they
 * complete and signs a checkpoint over the new tree. All or nothing: a crash
 * leaves the entries unplaced for the next run.
 */
export async function integrateBatch(deps: Deps, la: string, limit = INTEGRATE_BATCH): Promise<BatchResult> {
  return deps.db.transaction().execute(async (tx) => {
    if (!await tryLockAuthorityLog(tx, la)) return { la, integrated: 0, treeSize: -1, busy: true };
    const size = (await findLatestCheckpoint(tx, la))?.treeSize ?? 0;
    const chainEnd = await findChainEnd(tx, la);
    // The old hash chain first, in its own order; then entries written since, as they became visible.
    const fromChain = size < chainEnd;
    const entries: StoredLogEntry[] = fromChain
      ? await listPlacedEntries(tx, la, size, Math.min(chainEnd, size + limit))
      : await listUnplacedEntries(tx, la, limit);
    if (entries.length === 0) return { la, integrated: 0, treeSize: size, busy: false };

    const keys = frontierKeys(size);
    const stored = await findTreeNodes(tx, la, keys);
    const edge = new TreeEdge(size, keys.map((k) => edgeNode(stored, k, la)));
    const nodes: (NodeKey & { hash: Hash })[] = [];
    const placements: { id: string; index: number }[] = [];
    for (const entry of entries) {
      const index = edge.size;
      if (fromChain && entry.chainIndex !== index) throw new Error(`audit chain of ${la} has a gap at ${index}: it cannot be integrated`);
      nodes.push(...edge.append(storedLeafHash(entry)));
      if (!fromChain) placements.push({ id: entry.id, index });
    }
    await placeEntries(tx, la, placements);
    await insertTreeNodes(tx, la, nodes);
    const root = edge.root();
    const signedAt = deps.clock.now();
    const note = deps.audit.signer.sign({ origin: originFor(deps, la), size: edge.size, root, time: signedAt.toISOString() });
    await insertCheckpoint(tx, { la, treeSize: edge.size, rootHash: root, signedAt, note });
    return { la, integrated: entries.length, treeSize: edge.size, busy: false };
  });
}

function edgeNode(stored: Map<string, Hash>, key: NodeKey, la: string): Hash {
  const hash = stored.get(nodeKeyString(key));
  if (!hash) throw new Error(`audit tree of ${la} is missing node ${nodeKeyString(key)}: it cannot be extended`);
  return hash;
}

/** Integrates everything waiting, every authority, batch after batch; an authority that fails is logged and skipped. */
export async function integrateAll(deps: Deps): Promise<{ integrated: number; checkpoints: number }> {
  const las = new Set([...await listAuthoritiesWithChainToIntegrate(deps.db), ...await listAuthoritiesWithUnplaced(deps.db)]);
  let integrated = 0;
  let checkpoints = 0;
  for (const la of las) {
    try {
      for (;;) {
        // biome-ignore lint/performance/noAwaitInLoops: batches follow one another; each authority's log is sequenced in order
        const batch = await integrateBatch(deps, la);
        integrated += batch.integrated;
        if (batch.integrated > 0) checkpoints += 1;
        if (batch.busy || batch.integrated === 0) break;
      }
    } catch (error) {
      deps.logger.error({ err: error, la }, 'audit log integration failed');
    }
  }
  return { integrated, checkpoints };
}
