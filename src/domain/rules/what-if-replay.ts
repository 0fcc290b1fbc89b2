import type { Database } from '../../db/client.js';
import { listLatestTriagesPage, type HistoryWindow } from '../../db/repositories/triage-history.repo.js';
import { Evaluator } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts.js';
import type { RuleSet } from '../../rules/rule-set.js';
import { WhatIfTally, type PastTriage, type WhatIfReport } from '../../rules/what-if.js';
import { present } from '../../lib/one-of.js';

/** Evaluations in flight at once within a page: enough to keep the engine busy while results are tallied. */
const CONCURRENT = 16;

/**
 * Re-evaluates the stored facts of past contacts with a candidate rule set
 * and compares with what screeners were shown at the time. Reads only; the
 * candidate's engine is built once and not cached (it is not a live set).
 * Issue 19: the next page is read while this one is evaluated, and a page's
 * contacts are evaluated CONCURRENT at a time (each evaluation has an engine
 * of its own); they are tallied in page order, so the report is the same.
 */
export async function whatIfReplay(db: Database, candidate: RuleSet, window: HistoryWindow = {}, pageSize = 1_000): Promise<WhatIfReport> {
  const evaluator = new Evaluator(candidate);
  const tally = new WhatIfTally(candidate);
  type Page = Awaited<ReturnType<typeof listLatestTriagesPage>>;
  const read = (after: string): Promise<Page> => listLatestTriagesPage(db, window, after, pageSize);
  // A page read ahead and never awaited (an evaluation failed first) must not become an unhandled rejection.
  const ahead = (after: string) => {
    const page = read(after);
    page.catch(() => undefined);
    return page;
  };
  let next: Promise<Page> | null = ahead('');
  while (next !== null) {
    // biome-ignore lint/performance/noAwaitInLoops: keyset paging: each page starts after the last one
    const page: Page = await next;
    next = page.length < pageSize ? null : ahead(present(page.at(-1), 'last of page').contactId);
    for (let from = 0; from < page.length; from += CONCURRENT) {
      const slice = page.slice(from, from + CONCURRENT);
      // biome-ignore lint/performance/noAwaitInLoops: a bounded number of evaluations at a time, tallied in order
      const triages = await Promise.all(slice.map((row) => evaluator.decide(row.facts as Facts)));
      for (const [i, { facts: _facts, ...past }] of slice.entries()) tally.add(past as PastTriage, present(triages[i], 'evaluation'));
    }
  }
  return tally.result();
}
