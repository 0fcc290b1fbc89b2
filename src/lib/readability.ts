import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/*
 * Flesch Reading Ease (Flesch 1948) and Flesch–Kincaid Grade Level
 * (Kincaid et al. 1975), from the maintained `flesch` and `flesch-kincaid`
 * packages; syllables from `syllable`. A UK reading age is taken as the US
 * grade plus five (grade 6 is a reading age of 11), the usual conversion.
 */
export interface Readability { sentences: number; words: number; syllables: number; readingEase: number; grade: number; readingAge: number }

/** Aim: a reading age of about 11–12, which is a Flesch–Kincaid grade of 6–7. */
export const TARGET_READING_AGE = { from: 11, to: 12 } as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function countText(text: string): { sentences: number; words: number; syllables: number } {
  const sentences = text.split(/[.!?]+(?:\s|$)|\n\s*\n/).filter((s) => /[A-Za-z0-9]/.test(s)).length;
  const words = text.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];
  return { sentences: Math.max(sentences, words.length > 0 ? 1 : 0), words: words.length, syllables: words.reduce((n, w) => n + Math.max(1, syllable(w)), 0) };
}

export function readability(text: string): Readability {
  const counts = countText(text);
  if (counts.words === 0) return { ...counts, readingEase: 0, grade: 0, readingAge: 0 };
  const f = { sentence: counts.sentences, word: counts.words, syllable: counts.syllables };
  const grade = fleschKincaid(f);
  return { ...counts, readingEase: round1(flesch(f)), grade: round1(grade), readingAge: round1(Math.max(5, grade + 5)) };
}

export const withinTarget = (r: Readability) => r.readingAge <= TARGET_READING_AGE.to;
