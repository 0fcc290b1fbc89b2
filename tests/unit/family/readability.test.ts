import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { describe, expect, it } from 'vitest';
import { countText, readability } from '../../../src/lib/readability.js';

describe('readability', () => {
  it('the formulas give the published worked examples', () => {
    // Wikipedia, "Flesch–Kincaid readability tests": "The Australian platypus is seemingly a hybrid of a mammal and
    // reptilian creature" has 13 words and 24 syllables, grade 11.3.
    expect(fleschKincaid({ sentence: 1, word: 13, syllable: 24 })).toBeCloseTo(11.3, 1);
    // The same article: the easiest possible score, every sentence one word of one syllable, is 121.22.
    expect(flesch({ sentence: 1, word: 1, syllable: 1 })).toBeCloseTo(121.22, 2);
    // "The cat sat on the mat.": 6 words, 6 syllables, 1 sentence → 206.835 − 1.015×6 − 84.6×1 = 116.145.
    expect(readability('The cat sat on the mat.')).toMatchObject({ sentences: 1, words: 6, syllables: 6, readingEase: 116.1 });
  });

  it('counts sentences, words and syllables of plain text', () => {
    expect(countText('We looked at what we were told. We will visit you by Friday! Is that all right?')).toEqual({ sentences: 3, words: 17, syllables: 19 });
    expect(countText('')).toEqual({ sentences: 0, words: 0, syllables: 0 });
  });

  it('reading age is the grade plus five: short plain sentences read younger than long Latinate ones', () => {
    const plain = readability('We have looked at what we were told. We think your family could use some help. A worker will call you soon.');
    const dense = readability('Following consideration of the multi-agency information available, the authority determined that an assessment under section seventeen was proportionate.');
    expect(plain.readingAge).toBe(Math.round((plain.grade + 5) * 10) / 10);
    expect(plain.readingAge).toBeLessThan(12);
    expect(dense.readingAge).toBeGreaterThan(18);
    expect(plain.readingEase).toBeGreaterThan(dense.readingEase);
  });
});
