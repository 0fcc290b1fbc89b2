import type { NoActionContactRow } from '../../db/repositories/screening-outcomes.repo.js';
import { shareCell, tally, type ShareCell } from '../oversight/cells.js';

const DAY_MS = 86_400_000;
/** Six months and twelve, as days after the no-action outcome stood. */
export const WINDOWS = { sixMonths: 183, twelveMonths: 365 } as const;
export const NO_TEAM = 'no team';

type Seen = 'yes' | 'no' | 'pending';

/**
 * Whether the family came back within the window. Only contacts whose window
 * has fully passed are counted, both ways: counting the early returns of
 * recent contacts without their quiet ones would overstate the rate.
 */
export function cameBack(row: Pick<NoActionContactRow, 'settled_at' | 'first_recontact_at'>, days: number, now: Date): Seen {
  const end = new Date(row.settled_at).getTime() + days * DAY_MS;
  if (end > now.getTime()) return 'pending';
  return row.first_recontact_at !== null && new Date(row.first_recontact_at).getTime() <= end ? 'yes' : 'no';
}

export interface RecontactCells { within6Months: ShareCell; within12Months: ShareCell }

/** Re-contact within six and twelve months, per key (a contact may count under several keys, or none). */
export function recontactBy(rows: readonly NoActionContactRow[], keys: (row: NoActionContactRow) => readonly string[], now: Date, order: readonly string[] = []) {
  const six = tally(order);
  const twelve = tally(order);
  for (const row of rows) {
    const [s, t] = [cameBack(row, WINDOWS.sixMonths, now), cameBack(row, WINDOWS.twelveMonths, now)];
    for (const key of keys(row)) {
      if (s !== 'pending') six.add(key, s === 'yes');
      if (t !== 'pending') twelve.add(key, t === 'yes');
    }
  }
  const [sixCells, twelveCells] = [six.shares(), twelve.shares()];
  const all = [...new Set([...Object.keys(sixCells), ...Object.keys(twelveCells)])];
  const sorted = [...all.filter((k) => order.includes(k)), ...all.filter((k) => !order.includes(k)).sort()];
  return sorted.map((key) => ({ key, within6Months: sixCells[key] ?? shareCell(0, 0), within12Months: twelveCells[key] ?? shareCell(0, 0) }));
}

/**
 * For each prompt declined on a contact closed with no action: was the
 * override borne out? Not borne out when a later contact about the child
 * within twelve months ended in action; borne out when twelve months passed
 * without one; pending until then.
 */
export function overridesBorneOut(rows: readonly NoActionContactRow[], now: Date) {
  const byAction = new Map<string, { overridden: number; borneOut: number; notBorneOut: number; pending: number }>();
  for (const row of rows) {
    const settled = new Date(row.settled_at).getTime();
    const end = settled + WINDOWS.twelveMonths * DAY_MS;
    const acted = row.first_action_recontact_at !== null && new Date(row.first_action_recontact_at).getTime() <= end;
    const verdict = acted ? 'notBorneOut' : end > now.getTime() ? 'pending' : 'borneOut';
    for (const action of row.declined) {
      const cell = byAction.get(action) ?? { overridden: 0, borneOut: 0, notBorneOut: 0, pending: 0 };
      cell.overridden += 1;
      cell[verdict] += 1;
      byAction.set(action, cell);
    }
  }
  return [...byAction].sort(([a], [b]) => a.localeCompare(b)).map(([action, c]) => ({
    action, ...c, notBorneOutShare: shareCell(c.notBorneOut, c.borneOut + c.notBorneOut),
  }));
}
