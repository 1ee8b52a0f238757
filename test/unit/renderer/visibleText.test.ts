/** Invisible and control characters in server text always come out as visible markers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSegments, toVisibleString } from '../../../renderer/ui/visibleText';

const HIDDEN =
  /[\p{Cc}\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;

describe('visibleText', () => {
  it('marks bidi overrides, isolates and zero-width characters by code point', () => {
    expect(toVisibleString('abc\u202Egpj.exe')).toBe('abc[U+202E]gpj.exe');
    expect(toVisibleString('\u2066x\u2069')).toBe('[U+2066]x[U+2069]');
    expect(toVisibleString('a\u200Bb\uFEFF')).toBe('a[U+200B]b[U+FEFF]');
  });

  it('shows C0 and C1 controls and DEL by code point', () => {
    expect(toVisibleString('a\tb\nc\u0000')).toBe('a[U+0009]b[U+000A]c[U+0000]');
    expect(toVisibleString('\u007F\u0085')).toBe('[U+007F][U+0085]');
  });

  it('leaves markup, emoji sequences and right-to-left letters as they are', () => {
    for (const text of [
      '<img src=x onerror=alert(1)>',
      '\u{1F469}\u200D\u{1F4BB}',
      'שלום',
      '__proto__',
    ]) {
      expect(toVisibleString(text)).toBe(text);
      expect(toSegments(text).every((segment) => !segment.marker)).toBe(true);
    }
  });

  it('never lets a hidden character through, and keeps every visible one in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const segments = toSegments(text);
        const plain = segments
          .filter((s) => !s.marker)
          .map((s) => s.text)
          .join('');
        expect(HIDDEN.test(plain)).toBe(false);
        expect(plain).toBe([...text].filter((char) => !HIDDEN.test(char)).join(''));
        expect(segments.filter((s) => s.marker)).toHaveLength(
          [...text].filter((char) => HIDDEN.test(char)).length,
        );
      }),
    );
  });
});
