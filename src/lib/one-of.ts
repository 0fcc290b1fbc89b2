/**
 * A stored string narrowed to its vocabulary, so that a view is typed by its response schema without a cast.
 * The value was checked against the same vocabulary when it was written; one outside it is a fault in the
 * store, and answering with it would break the published contract, so it throws.
 */
export function oneOf<T extends string>(vocabulary: readonly T[], value: string): T {
  const found = vocabulary.find((code) => code === value);
  if (found === undefined) throw new Error(`stored value '${value}' is not one of ${vocabulary.join(', ')}`);
  return found;
}

/** oneOf for a nullable column: null stays null. */
export function oneOfOrNull<T extends string>(vocabulary: readonly T[], value: string | null): T | null {
  return value === null ? null : oneOf(vocabulary, value);
}

/** A nullable column that the row's state says is filled (it was written together with another); null is a fault in the store. */
export function present<T>(value: T | null | undefined, column: string): T {
  if (value === null || value === undefined) throw new Error(`stored ${column} is missing where the row's state says it is written`);
  return value;
}
