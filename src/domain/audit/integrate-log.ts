import { storedLeafHash } from '../../audit/entry.js';
import { frontierKeys, nodeKeyString, TreeEdge, type Hash, type NodeKey } from '../../audit/merkle.js';
import {
  findTreeNodes, findTreeState, listAuthoritiesToIntegrate, listPlacedEntries, listUnplacedEntries, tryLockAuthorityLog, writeIntegration,
} from '../../db/repositories/audit-tree.repo.js';
import type { Deps } from '../context.js';

export const INTEGRATE_BATCH = 2_000;

export const originFor = (deps: Pick<Deps, 'audit'>, la: string) => `${deps.audit.config.origin}/${la}`;

/** `more`: the batch was full, or took the old chain, so the authority may have more waiting. */
export interface BatchResult { la: string; integrated: number; treeSize: number; busy: boolean; more: boolean }

/**
 * The sequencer, for one authority and one batch: in one transaction, under
 * the authority's advisory lock (so one instance at a time does this), it
 * gives the next committed entries their places, stores the subtrees they
 * complete and signs a checkpoint over the new tree. All or nothing: a crash
 * leaves the entries unplaced for the next run.
 */
export async function integrateBatch(deps: Deps, la: string, limit = INTEGRATE_BATCH): Promise<BatchResult> {
  return deps.db.transaction().execute(async (tx) => {
    if (!await tryLockAuthorityLog(tx, la)) return { la, integrated: 0, treeSize: -1, busy: true, more: false };
    const { size, chainEnd } = await findTreeState(tx, la);
    // The old hash chain first, in its own order; then entries written since, as they became visible.
    const fromChain = size < chainEnd;
    const leaves: { id: string; leafHash: Hash; chainIndex: number | null }[] = fromChain
      ? (await listPlacedEntries(tx, la, size, Math.min(chainEnd, size + limit))).map((e) => ({ id: e.id, leafHash: storedLeafHash(e), chainIndex: e.chainIndex }))
      : (await listUnplacedEntries(tx, la, limit)).map((e) => ({ ...e, chainIndex: null }));
    if (leaves.length === 0) return { la, integrated: 0, treeSize: size, busy: false, more: false };

    const keys = frontierKeys(size);
    const stored = await findTreeNodes(tx, la, keys);
    const edge = new TreeEdge(size, keys.map((k) => edgeNode(stored, k, la)));
    const nodes: (NodeKey & { hash: Hash })[] = [];
    const placements: { id: string; index: number }[] = [];
    for (const leaf of leaves) {
      const index = edge.size;
      if (fromChain && leaf.chainIndex !== index) throw new Error(`audit chain of ${la} has a gap at ${index}: it cannot be integrated`);
      nodes.push(...edge.append(leaf.leafHash));
      if (!fromChain) placements.push({ id: leaf.id, index });
    }
    const root = edge.root();
    const signedAt = deps.clock.now();
    const note = deps.audit.signer.sign({ origin: originFor(deps, la), size: edge.size, root, time: signedAt.toISOString() });
    await writeIntegration(tx, la, { placements, nodes, checkpoint: { la, treeSize: edge.size, rootHash: root, signedAt, note } });
    return { la, integrated: leaves.length, treeSize: edge.size, busy: false, more: fromChain || leaves.length === limit };
  });
}

function edgeNode(stored: Map<string, Hash>, key: NodeKey, la: string): Hash {
  const hash = stored.get(nodeKeyString(key));
  if (!hash) throw new Error(`audit tree of ${la} is missing node ${nodeKeyString(key)}: it cannot be extended`);
  return hash;
}

/** How many authorities' batches run at once: each takes a connection of its own for its transaction. */
export const INTEGRATE_PARALLEL = 4;

/**
 * Integrates everything waiting, every authority: in rounds, one batch per
 * authority a round (so a busy authority cannot hold the others' entries back
 * while it drains), INTEGRATE_PARALLEL authorities at a time; an authority
 * with more waiting than a batch goes round again. An authority that fails is
 * logged and skipped.
 */
export async function integrateAll(deps: Deps): Promise<{ integrated: number; checkpoints: number }> {
  let pending = await listAuthoritiesToIntegrate(deps.db);
  let integrated = 0;
  let checkpoints = 0;
  while (pending.length > 0) {
    // biome-ignore lint/performance/noAwaitInLoops: rounds follow one another; an authority's batches are sequenced in order
    const round = await inParallel(pending, INTEGRATE_PARALLEL, async (la) => {
      try {
        return await integrateBatch(deps, la);
      } catch (error) {
        deps.logger.error({ err: error, la }, 'audit log integration failed');
        return null;
      }
    });
    pending = [];
    for (const batch of round) {
      if (!batch) continue;
      integrated += batch.integrated;
      if (batch.integrated > 0) checkpoints += 1;
      if (batch.more) pending.push(batch.la);
    }
  }
  return { integrated, checkpoints };
}

/** Runs `work` over `items`, at most `limit` at a time; the results in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      // biome-ignore lint/performance/noAwaitInLoops: each worker takes the next item when its last is done
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
