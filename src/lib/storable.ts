/** One place that says what PostgreSQL cannot hold, for the API's JSON bodies, the forms and query strings alike. */

export interface UnstorableField { path: (string | number)[]; message: string }

// With the u flag a paired surrogate is one code point, so only an unpaired one matches.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character PostgreSQL cannot store, so it is what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDFFF]/u;
/** No record of this service nests anywhere near this deep; past it, walking the body is the risk. */
export const MAX_DEPTH = 32;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Every field that could not be stored, walked without recursion so no body can overflow the stack. */
export function unstorableFields(root: unknown): UnstorableField[] {
  const found: UnstorableField[] = [];
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (!isStorableText(value)) found.push({ path, message: 'contains a character that cannot be stored (NUL or an unpaired surrogate)' });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      found.push({ path, message: `is nested more than ${MAX_DEPTH} levels deep` });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
    for (const [key, item] of entries) {
      if (typeof key === 'string' && !isStorableText(key)) found.push({ path, message: 'has a field name with a character that cannot be stored' });
      else pending.push({ value: item, path: [...path, key] });
    }
  }
  return found.sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')));
}
