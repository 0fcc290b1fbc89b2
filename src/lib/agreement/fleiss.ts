// biome-ignore-all lint/style/noNonNullAssertion: matrix arithmetic; every index runs over arrays built to that length just above, which noUncheckedIndexedAccess cannot see
/**
 * Fleiss' kappa (Fleiss 1971) over units of category counts: `counts[i][j]`
 * is how many raters put unit i in category j. Units may have different
 * numbers of raters (each unit's agreement uses its own); a unit with fewer
 * than two ratings carries no agreement and is left out.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  const units = counts.filter((row) => sum(row) >= 2);
  if (units.length === 0) return null;
  const categories = units[0]!.length;
  const totals = new Array<number>(categories).fill(0);
  let ratings = 0;
  let observed = 0;
  for (const row of units) {
    const n = sum(row);
    ratings += n;
    row.forEach((x, j) => { totals[j]! += x; });
    observed += row.reduce((a, x) => a + x * (x - 1), 0) / (n * (n - 1));
  }
  observed /= units.length;
  const chance = totals.reduce((a, t) => a + (t / ratings) ** 2, 0);
  if (chance === 1) return null;
  return (observed - chance) / (1 - chance);
}

/**
 * Kappa for each category against all the others (Fleiss 1971, eq. 9), for
 * units with the same number of raters: which categories raters agree on.
 */
export function fleissCategoryKappas(counts: readonly (readonly number[])[]): (number | null)[] {
  const units = counts.filter((row) => sum(row) >= 2);
  if (units.length === 0) return [];
  const n = sum(units[0]!);
  const categories = units[0]!.length;
  return Array.from({ length: categories }, (_, j) => {
    const p = units.reduce((a, row) => a + row[j]!, 0) / (units.length * n);
    if (p === 0 || p === 1) return null;
    const disagreement = units.reduce((a, row) => a + row[j]! * (n - row[j]!), 0);
    return 1 - disagreement / (units.length * n * (n - 1) * p * (1 - p));
  });
}

/** Category counts per unit from the values each unit was given. */
export function countsFrom(units: readonly (readonly number[])[], categories: number): number[][] {
  return units.map((values) => {
    const row = new Array<number>(categories).fill(0);
    for (const v of values) row[v]! += 1;
    return row;
  });
}

const sum = (row: readonly number[]) => row.reduce((a, b) => a + b, 0);
