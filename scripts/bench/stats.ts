/** Nearest-rank percentile of a sample (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Times `fn` `times` times after `warmup` calls; returns each call's milliseconds. */
export async function timeEach(times: number, warmup: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await fn(warmup + i);
    out.push(performance.now() - started);
  }
  return out;
}
