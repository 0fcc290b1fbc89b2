/** Something the family must not be told, and why: the practitioner sees the reason, never the text matched. */
export interface Withheld { kind: 'referrer' | 'other_adult' | 'partner' | 'not_for_family' | 'record'; reason: string; text: string }

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/[^a-z0-9']+/g, ' ').trim();
const SHINGLE = 4;

function shingles(text: string): string[] {
  const w = norm(text).split(' ').filter(Boolean);
  if (w.length <= SHINGLE) return w.length >= 2 || (w[0]?.length ?? 0) >= 3 ? [w.join(' ')] : [];
  return Array.from({ length: w.length - SHINGLE + 1 }, (_, i) => w.slice(i, i + SHINGLE).join(' '));
}

const DATE = /\b(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b/g;

/**
 * Which withheld items a text gives away: a name or short phrase when it
 * appears whole, a longer passage when any four words of it appear in a
 * row, and any date written in it. Case and punctuation are ignored.
 */
export function disclosedIn(text: string, withheld: readonly Withheld[]): Withheld[] {
  const haystack = ` ${norm(text)} `;
  const rawDates = new Set(text.match(DATE) ?? []);
  return withheld.filter((item) => {
    if ([...(item.text.match(DATE) ?? [])].some((d) => rawDates.has(d))) return true;
    return shingles(item.text).some((s) => haystack.includes(` ${s} `));
  });
}
