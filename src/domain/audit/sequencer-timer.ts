import type { Deps } from '../context.js';
import { integrateAll } from './integrate-log.js';

/**
 * Runs the sequencer every `intervalMs` (well under a second, so an entry is
 * in a signed checkpoint within about a second of its commit), one sweep at a
 * time. Safe on several instances: each authority's batch is taken under an
 * advisory lock, and an instance that finds it held leaves it to the holder.
 */
export function startAuditSequencer(deps: Deps, intervalMs: number): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const sweep = () => {
    if (running || stopped) return;
    running = integrateAll(deps)
      .catch((error: unknown) => deps.logger.error({ err: error }, 'audit sequencer sweep failed'))
      .finally(() => { running = null; });
  };
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    // A last sweep, so entries written by the requests just finished are not left for the next start.
    await integrateAll(deps).catch((error: unknown) => deps.logger.error({ err: error }, 'audit sequencer final sweep failed'));
  };
}
