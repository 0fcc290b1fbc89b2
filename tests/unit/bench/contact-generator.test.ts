import { describe, expect, it } from 'vitest';
import { contactGenerator } from '../../../scripts/bench/contact-generator.js';
import { ContactInputSchema } from '../../../src/schemas/contact.schema.js';

const now = new Date('2026-11-28T10:00:00Z');

describe('benchmark contact generator', () => {
  it('produces contacts the API accepts', () => {
    const next = contactGenerator({ seed: 7, now });
    for (let i = 0; i < 500; i += 1) {
      const contact = next();
      const parsed = ContactInputSchema.safeParse(contact);
      expect(parsed.success ? [] : parsed.error.issues, JSON.stringify(contact)).toEqual([]);
    }
  });

  it('covers unborn children, babies, injuries, several children and repeat children', () => {
    const contacts = Array.from({ length: 500 }, contactGenerator({ seed: 7, now }));
    const children = contacts.flatMap((c) => c.children);
    expect(children.some((c) => c.expectedDateOfBirth)).toBe(true);
    expect(children.some((c) => c.mobility === 'not_independently_mobile')).toBe(true);
    expect(children.some((c) => (c.injuries ?? []).length > 0)).toBe(true);
    expect(new Set(contacts.map((c) => c.children.length))).toEqual(new Set([1, 2, 3, 4]));
    const ids = children.map((c) => c.personId);
    expect(new Set(ids).size).toBeLessThan(ids.length);
  });

  it('is repeatable for a seed', () => {
    const a = Array.from({ length: 20 }, contactGenerator({ seed: 3, now }));
    const b = Array.from({ length: 20 }, contactGenerator({ seed: 3, now }));
    expect(a).toEqual(b);
  });
});
