import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJson, walkStrictJson } from '../../../main/tokens/json';
import { countKeys, shapeOf } from '../../../main/tokens/json-scan';

/** Writes a key as JSON, sometimes with every character as a \u escape. */
const spellKey = (key: string, escaped: boolean): string =>
  escaped
    ? `"${[...key].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`
    : JSON.stringify(key);

/**
 * JSON-ish text that mixes what the fast path must send to the full walk: keys repeated
 * (plainly or through escapes), strings full of quotes, backslashes and brackets, deep nesting,
 * numbers out of range, and stray characters.
 */
const tricky: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('1', '-0.5', '1e400', '-1e999', 'true', 'null', '"x"', '"\\"}{"', '"\\\\"'),
    fc
      .string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', ':', 'u') })
      .map((text) => JSON.stringify(text)),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(
        fc.tuple(
          fc.constantFrom('a', 'b', 'sub', '__proto__', '"', '\\'),
          fc.boolean(),
          tie('value'),
        ),
        { maxLength: 4 },
      )
      .map(
        (members) =>
          `{${members.map(([key, escaped, value]) => `${spellKey(key, escaped)}:${value}`).join(',')}}`,
      ),
    fc.constantFrom('{', '}', '"', ',', 'x'),
  ),
})).value;

describe('the strict JSON fast path', () => {
  it('gives exactly the full walk’s answer, value, warnings or error, for any input', () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 1, max: 6 }), (text, maxDepth) => {
        expect(parseStrictJson(text, maxDepth)).toStrictEqual(walkStrictJson(text, maxDepth));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a key repeated through an escape', '{"alg":"RS256","\\u0061lg":"none"}'],
    ['a key repeated after a string holding quotes and braces', '{"a":"}\\",{\\"a\\":","a":1}'],
    ['a key repeated inside an array of objects', '[{"x":1},{"y":1,"y":2}]'],
    ['a key repeated after a nested object closed', '{"a":{"b":1},"a":2}'],
  ])('sends %s to the full walk, which rejects it', (_label, text) => {
    expect(countKeys(text, 32)).toBeGreaterThan(shapeOf(JSON.parse(text)).keys);
    expect(parseStrictJson(text)).toMatchObject({ ok: false, code: 'json_duplicate_key' });
  });

  it('counts depth as the full walk does: the cap itself passes, one more does not', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

    expect(parseStrictJson(nested(4), 4)).toMatchObject({ ok: true });
    expect(parseStrictJson(nested(5), 4)).toMatchObject({ ok: false, code: 'json_too_deep' });
    expect(countKeys(nested(5), 4)).toBe(-1);
  });

  it('lets through the same key in sibling objects and the same text as a value', () => {
    const text = '{"a":{"sub":"a"},"b":{"sub":"sub"},"sub":"a"}';

    expect(countKeys(text, 32)).toBe(5);
    expect(parseStrictJson(text)).toEqual({
      ok: true,
      value: { a: { sub: 'a' }, b: { sub: 'sub' }, sub: 'a' },
      nonFinitePaths: [],
    });
  });
});
