import type { Deps } from '../context.js';
import { dispatchChecks } from './dispatch-checks.js';

/**
 * Runs the dispatcher every `intervalMs`, one sweep at a time; a sweep that
 * fails is logged and the next one tries again. Returns a stop function
 * that waits for a sweep in flight.
 */
export function startCheckDispatcher(deps: Deps, intervalMs: number): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running !== null) return;
    running = dispatchChecks(deps)
      .then((summary) => {
        if (Object.values(summary).some((n) => n > 0)) deps.logger.info(summary, 'check dispatch sweep');
      })
      .catch((error: unknown) => deps.logger.error({ err: error }, 'check dispatch sweep failed'))
      .finally(() => { running = null; });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
