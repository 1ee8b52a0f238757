/**
 * Server text made safe to look at: control, bidirectional and invisible formatting
 * characters are replaced by visible markers, so a name like "abc\u202Egpj.exe" cannot
 * disguise itself. Emoji joiners (U+200C, U+200D) are kept because emoji sequences need them.
 */

export interface TextSegment {
  readonly text: string;
  /** True when `text` is a marker standing for an invisible character. */
  readonly marker: boolean;
}

/** Single invisible code points beyond the C0/C1 control ranges. */
const INVISIBLE = new Set([
  0x061c, // Arabic letter mark
  0x200b, // zero-width space
  0x200e, // left-to-right mark
  0x200f, // right-to-left mark
  0x2028, // line separator
  0x2029, // paragraph separator
  0x202a, // LRE, RLE, PDF, LRO, RLO: embeddings and overrides
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2060, // word joiner
  0x2066, // LRI, RLI, FSI, PDI: isolates
  0x2067,
  0x2068,
  0x2069,
  0xfeff, // byte order mark
]);

function isHidden(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || INVISIBLE.has(code);
}

/**
 * `\u202E` → `U+202E`, `\t` → `U+0009`. Code points rather than the Unicode control pictures
 * (␉): those are missing from many fonts and would show as empty boxes.
 */
export function markerFor(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function toSegments(value: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let plain = '';
  for (const char of value) {
    if (!isHidden(char.codePointAt(0) ?? 0)) {
      plain += char;
      continue;
    }
    if (plain) segments.push({ text: plain, marker: false });
    plain = '';
    segments.push({ text: markerFor(char), marker: true });
  }
  if (plain) segments.push({ text: plain, marker: false });
  return segments;
}

/** The same text as one string, with each marker in brackets, for titles and labels. */
export function toVisibleString(value: string): string {
  return toSegments(value)
    .map((segment) => (segment.marker ? `[${segment.text}]` : segment.text))
    .join('');
}
