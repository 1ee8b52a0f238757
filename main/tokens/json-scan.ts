/**
 * The fast path of the strict JSON parser. One pass over the text that looks only at
 * structure — brackets, commas and object keys, jumping over string contents with `indexOf` —
 * answers whether the text is free of what `JSON.parse` would let through silently: a
 * duplicate key at any level, or nesting deeper than the cap. Only then is `JSON.parse`
 * trusted with the text; anything else goes to the full parser, which names the problem.
 *
 * The scan assumes nothing about validity: on malformed text its answer may be wrong either
 * way, which is harmless because `JSON.parse` then throws and the full parser takes over.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The index of the quote closing the string opened at `open`, or -1 if it never closes. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at !== -1) {
    let before = at - 1;
    while (text.charCodeAt(before) === BACKSLASH) before--;
    // An even run of backslashes escapes only itself: the quote ends the string.
    if ((at - 1 - before) % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}

/** A key as JSON.parse would name it; escapes such as `\u0061` spell the same key as `a`. */
function keyAt(text: string, open: number, close: number): string | undefined {
  const raw = text.slice(open + 1, close);
  if (!raw.includes('\\')) return raw;
  try {
    const decoded: unknown = JSON.parse(text.slice(open, close + 1));
    return typeof decoded === 'string' ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `text`, if it is valid JSON, has no duplicate key and no container nested deeper
 * than `maxDepth` (counted as the full parser counts it: the outermost container is depth 1).
 */
export function scanForPlainJson(text: string, maxDepth: number): boolean {
  // One entry per open container: the keys seen so far for an object, null for an array.
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const close = closingQuote(text, at);
      if (close === -1) return false;
      if (expectKey) {
        const keys = open[open.length - 1];
        const key = keyAt(text, at, close);
        if (keys === null || keys === undefined || key === undefined || keys.has(key)) {
          return false;
        }
        keys.add(key);
        expectKey = false;
      }
      at = close;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (open.length >= maxDepth) return false;
      expectKey = code === OPEN_OBJECT;
      open.push(expectKey ? new Set() : null);
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      open.pop();
      expectKey = false;
    } else if (code === COMMA) {
      const top = open[open.length - 1];
      expectKey = top !== null && top !== undefined;
    }
  }
  return true;
}

/** True when a parsed value holds a number JSON.parse read as ±Infinity (e.g. `1e400`). */
export function holdsNonFinite(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (item !== null && typeof item === 'object') {
      for (const member of Object.values(item)) pending.push(member);
    }
  }
  return false;
}
