import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/lib/ids.js';

describe('ids', () => {
  it('are the prefix, ten characters of time and sixteen of randomness, in Crockford base32', () => {
    expect(newId('con', new Date('2026-12-02T01:00:00Z'))).toMatch(/^con_[0-9a-hjkmnp-tv-z]{10}[0-9a-hjkmnp-tv-z]{16}$/);
  });

  it('sort by the time they were made, to the millisecond, across the years', () => {
    const times = ['1970-01-01T00:00:00.001Z', '2001-09-09T01:46:40Z', '2026-12-02T01:00:00.000Z', '2026-12-02T01:00:00.001Z', '2106-02-07T06:28:16Z', '8000-01-01T00:00:00Z'];
    const ids = times.map((t) => newId('aud', new Date(t)).slice(4, 14));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keep the time part the old six-byte encoding gave, so ids made before and after sort together', () => {
    const at = new Date('2026-12-02T01:02:03.456Z');
    const bytes = Buffer.alloc(6);
    bytes.writeUIntBE(at.getTime(), 0, 6);
    // 48 bits as base32: ten characters, the last padded with two zero bits.
    const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
    const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('').padEnd(50, '0');
    const expected = Array.from({ length: 10 }, (_, i) => alphabet[Number.parseInt(bits.slice(i * 5, i * 5 + 5), 2)]).join('');
    expect(newId('con', at).slice(4, 14)).toBe(expected);
  });

  it('never repeat, across many more ids than one pool of random bytes holds', () => {
    const at = new Date('2026-12-02T01:00:00Z');
    const ids = Array.from({ length: 20_000 }, () => newId('con', at));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
