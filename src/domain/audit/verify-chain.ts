import { sql } from 'kysely';
import { ChainVerifier, type ChainReport } from '../../audit/verify.js';
import type { Database } from '../../db/client.js';
import { findChainHead, listChainAuthorities, listChainPage } from '../../db/repositories/audit-chain.repo.js';

export const VERIFY_PAGE_SIZE = 5_000;

/**
 * Verifies one authority's chain page by page. It reads in one repeatable-read
 * snapshot, so entries appended while it runs neither appear half-way nor
 * make the head disagree with the entries read.
 */
export async function verifyAuthorityChain(db: Database, la: string, pageSize = VERIFY_PAGE_SIZE): Promise<ChainReport> {
  return db.transaction().execute(async (tx) => {
    await sql`set transaction isolation level repeatable read, read only`.execute(tx);
    const verifier = new ChainVerifier(la, await findChainHead(tx, la));
    let after = -1;
    for (;;) {
      const page = await listChainPage(tx, la, after, pageSize);
      for (const entry of page) if (!verifier.push(entry)) break;
      if (verifier.isBroken || page.length < pageSize) break;
      after = page[page.length - 1]!.chainIndex;
    }
    return verifier.finish();
  });
}

export async function verifyAllChains(db: Database, pageSize = VERIFY_PAGE_SIZE): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const la of await listChainAuthorities(db)) reports.push(await verifyAuthorityChain(db, la, pageSize));
  return reports;
}
