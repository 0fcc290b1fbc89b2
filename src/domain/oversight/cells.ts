/** Below this, a count or denominator could point at a few families: shown, but marked. */
export const SMALL_NUMBER = 5;

export interface CountCell { count: number; smallNumber: boolean }
export interface ShareCell { count: number; total: number; share: number | null; smallNumber: boolean }

export function countCell(count: number): CountCell {
  return { count, smallNumber: count < SMALL_NUMBER };
}

/** `share` to four places, null when there is nothing to divide by. */
export function shareCell(count: number, total: number): ShareCell {
  return {
    count,
    total,
    share: total === 0 ? null : Math.round((count / total) * 10_000) / 10_000,
    smallNumber: count < SMALL_NUMBER || total < SMALL_NUMBER,
  };
}

/** Tallies `count` and `total` per key, keeping the keys in first-seen order after any given up front. */
export function tally<K extends string>(keys: readonly K[] = []) {
  const cells = new Map<string, { count: number; total: number }>(keys.map((k) => [k, { count: 0, total: 0 }]));
  return {
    add(key: string, counted: boolean) {
      const cell = cells.get(key) ?? { count: 0, total: 0 };
      cell.total += 1;
      if (counted) cell.count += 1;
      cells.set(key, cell);
    },
    shares(): Record<string, ShareCell> {
      return Object.fromEntries([...cells].map(([k, c]) => [k, shareCell(c.count, c.total)]));
    },
  };
}
