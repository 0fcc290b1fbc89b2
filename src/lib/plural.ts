/**
 * Plurals for the words a screener reads ("1 baby", "2 babies"): one helper
 * for every count in reasons and cards, so nothing prints "baby (babies)" or
 * "child(ren)". Intl.PluralRules picks the form; English needs only one and other.
 */
const RULES = new Intl.PluralRules('en-GB');

/** Words whose plural is not the regular one. */
const IRREGULAR: Readonly<Record<string, string>> = {
  child: 'children', person: 'people', woman: 'women', man: 'men', foot: 'feet', tooth: 'teeth', sibling: 'siblings',
};

/** The regular English plural of a word, or of the last word of a phrase ("earlier contact" → "earlier contacts"). */
function pluralOf(phrase: string): string {
  const at = phrase.lastIndexOf(' ');
  const head = phrase.slice(0, at + 1);
  const word = phrase.slice(at + 1);
  const irregular = IRREGULAR[word.toLowerCase()];
  if (irregular) return head + irregular;
  if (/[^aeiou]y$/i.test(word)) return `${head}${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${head}${word}es`;
  return `${head}${word}s`;
}

/** The form of a noun that goes with a count: `plural(1, 'baby')` is "baby", `plural(2, 'baby')` is "babies". */
export function plural(count: number, singular: string, pluralForm?: string): string {
  return RULES.select(count) === 'one' ? singular : (pluralForm ?? pluralOf(singular));
}

/** A count with its noun: `countOf(1, 'child')` is "1 child", `countOf(3, 'child')` is "3 children". */
export function countOf(count: number, singular: string, pluralForm?: string): string {
  return `${count} ${plural(count, singular, pluralForm)}`;
}

/** Items joined as a person writes them: "a", "a and b", "a, b and c" (or "or"). */
export function joinWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
