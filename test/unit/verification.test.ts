import { describe, expect, test } from 'vitest';
import { verificationSchema } from '../../src/schemas/entry.ts';
import { verificationInfo, VERIFICATIONS } from '../../src/lib/model/verification.ts';

describe('verification levels', () => {
  test('every level of the schema is shown, in its order, with a label, a tooltip and an explanation', () => {
    expect(VERIFICATIONS.map((v) => v.id)).toEqual([...verificationSchema.options]);
    for (const v of VERIFICATIONS) {
      expect(v.label).toMatch(/^[A-Z][a-z]+$/);
      expect(v.help).toMatch(/^[a-z]/);
      expect(v.description.length).toBeGreaterThan(40);
    }
  });

  test.each([
    ['confirmed', false],
    ['reported', true],
    ['disputed', true],
  ] as const)('a %s entry is flagged on its card: %s', (id, flagged) => {
    expect(verificationInfo(id).flagged).toBe(flagged);
    expect(verificationInfo(id).className).toBe(`verification ${id}`);
  });

  test('refuses a level the schema does not know', () => {
    expect(() => verificationInfo('rumoured' as never)).toThrow(/unknown verification level: rumoured/);
  });
});
