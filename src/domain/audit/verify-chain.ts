import { sql } from 'kysely';
import { openCheckpoint } from '../../audit/checkpoint.js';
import { LogVerifier, type ChainBreak, type ChainReport, type TrustedCheckpoint } from '../../audit/verify.js';
import { findChainHead, listChainAuthorities, listChainPage } from '../../db/repositories/audit-chain.repo.js';
import { countUnplacedEntries, listCheckpoints, listLeafNodes, listStrandedEntries } from '../../db/repositories/audit-tree.repo.js';
import type { Deps } from '../context.js';
import { present } from '../../lib/one-of.js';
import { originFor } from './integrate-log.js';

export const VERIFY_PAGE_SIZE = 5_000;

export type LogReport = ChainReport & { pending: number };

type VerifyDeps = Pick<Deps, 'db' | 'audit'>;

/**
 * Verifies one authority's log in one repeatable-read snapshot: every signed
 * checkpoint's signature, then the entries page by page against their hashes,
 * the stored tree and the checkpoints' roots, then the entries still waiting
 * for a place: one waiting longer than the sequencer ever should was written
 * but never integrated, and is reported rather than silently lost.
 */
export async function verifyAuthorityChain(deps: VerifyDeps, la: string, pageSize = VERIFY_PAGE_SIZE): Promise<LogReport> {
  return deps.db.transaction().execute(async (tx) => {
    await sql`set transaction isolation level repeatable read, read only`.execute(tx);
    const rows = await listCheckpoints(tx, la);
    const trusted: TrustedCheckpoint[] = [];
    let badCheckpoint: ChainBreak | null = null;
    for (const row of rows) {
      const opened = openCheckpoint(row.note, deps.audit.verifier);
      const fault = !opened.ok ? opened.reason
        : opened.checkpoint.origin !== originFor(deps, la) ? `signed for ${opened.checkpoint.origin}`
          : opened.checkpoint.size !== row.treeSize ? `signed for size ${opened.checkpoint.size}, stored as ${row.treeSize}`
            : !opened.checkpoint.root.equals(row.rootHash) ? 'stored root differs from the signed one' : null;
      if (fault || !opened.ok) {
        badCheckpoint = { la, chainIndex: row.treeSize - 1, entryId: null, reason: 'bad-checkpoint', detail: `checkpoint of size ${row.treeSize}: ${fault}` };
        break;
      }
      trusted.push({ size: opened.checkpoint.size, root: opened.checkpoint.root });
    }
    const verifier = new LogVerifier(la, await findChainHead(tx, la), trusted);
    if (badCheckpoint) verifier.fail(badCheckpoint);
    let after = -1;
    while (!verifier.isBroken) {
      // biome-ignore lint/performance/noAwaitInLoops: the log is checked page by page, in order, so memory stays bounded
      const page = await listChainPage(tx, la, after, pageSize);
      const first = page[0];
      const last = page.at(-1);
      if (first === undefined || last === undefined) break;
      // Pages list placed entries only: their chain index is always set.
      const lastIndex = present(last.chainIndex, 'chain_index');
      const leaves = await listLeafNodes(tx, la, present(first.chainIndex, 'chain_index'), lastIndex + 1);
      for (const entry of page) if (!verifier.push(entry, leaves.get(present(entry.chainIndex, 'chain_index')))) break;
      if (page.length < pageSize) break;
      after = lastIndex;
    }
    const [stranded] = await listStrandedEntries(tx, la, deps.audit.config.strandedAfterSeconds, 1);
    if (stranded) {
      verifier.fail({
        la, chainIndex: null, entryId: stranded.id, reason: 'not-integrated',
        detail: `written at ${new Date(stranded.written_at).toISOString()} and still not in the tree after ${deps.audit.config.strandedAfterSeconds} s`,
      });
    }
    return { ...verifier.finish(), pending: await countUnplacedEntries(tx, la) };
  });
}

export async function verifyAllChains(deps: VerifyDeps, pageSize = VERIFY_PAGE_SIZE): Promise<LogReport[]> {
  const reports: LogReport[] = [];
  // biome-ignore lint/performance/noAwaitInLoops: one authority's log at a time, each in its own read-only snapshot
  for (const la of await listChainAuthorities(deps.db)) reports.push(await verifyAuthorityChain(deps, la, pageSize));
  return reports;
}
