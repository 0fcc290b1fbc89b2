import type { Database } from '../../db/client.js';
import { listLatestTriagesPage, type HistoryWindow } from '../../db/repositories/triage-history.repo.js';
import { Evaluator } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts.js';
import type { RuleSet } from '../../rules/rule-set.js';
import { WhatIfTally, type PastTriage, type WhatIfReport } from '../../rules/what-if.js';
import { present } from '../../lib/one-of.js';

/**
 * Re-evaluates the stored facts of past contacts with a candidate rule set
 * and compares with what screeners were shown at the time. Reads only; the
 * candidate's engine is built once and not cached (it is not a live set).
 */
export async function whatIfReplay(db: Database, candidate: RuleSet, window: HistoryWindow = {}, pageSize = 1_000): Promise<WhatIfReport> {
  const evaluator = new Evaluator(candidate);
  const tally = new WhatIfTally(candidate);
  let after = '';
  for (;;) {
    // biome-ignore lint/performance/noAwaitInLoops: keyset paging: each page starts after the last one
    const page = await listLatestTriagesPage(db, window, after, pageSize);
    // biome-ignore lint/performance/noAwaitInLoops: one page in memory at a time, evaluated in order
    for (const { facts, ...past } of page) tally.add(past as PastTriage, await evaluator.evaluate(facts as Facts));
    if (page.length < pageSize) break;
    after = present(page.at(-1), 'last of page').contactId;
  }
  return tally.result();
}
