/**
 * The fast path of the strict JSON parser. One pass over the text that looks only at
 * structure — brackets, commas and key positions, jumping over string contents with
 * `indexOf` — bounds the nesting and counts the keys before `JSON.parse` sees the text; the
 * parsed value then shows whether JSON.parse silently merged a duplicate key. Any doubt goes
 * to the full parser, which names the problem.
 *
 * The scan assumes nothing about validity: on malformed text its count may be wrong, which is
 * harmless because `JSON.parse` then throws and the full parser takes over.
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

/**
 * Counts the object keys of `text`, or answers -1 when a container is nested deeper than
 * `maxDepth` (counted as the full parser counts it: the outermost container is depth 1) or a
 * string never closes. On valid JSON the count is exact, which is what makes duplicates
 * visible: JSON.parse keeps one property per distinct key, so the parsed value holds fewer
 * keys than the text exactly when some key repeats in its object (see `shapeOf`).
 */
export function countKeys(text: string, maxDepth: number): number {
  let depth = 0;
  let keys = 0;
  // Whether the innermost open container is an object, per level.
  const inObject: boolean[] = [];
  let expectKey = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const close = closingQuote(text, at);
      if (close === -1) return -1;
      if (expectKey) keys++;
      expectKey = false;
      at = close;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (depth >= maxDepth) return -1;
      expectKey = code === OPEN_OBJECT;
      inObject[depth++] = expectKey;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      if (depth > 0) depth--;
      expectKey = false;
    } else if (code === COMMA) {
      expectKey = depth > 0 && inObject[depth - 1] === true;
    }
  }
  return keys;
}

/** How many keys a parsed value holds, and whether a number in it read as ±Infinity. */
export function shapeOf(value: unknown): { keys: number; nonFinite: boolean } {
  let keys = 0;
  let nonFinite = false;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) nonFinite = true;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (item !== null && typeof item === 'object') {
      const members = Object.values(item);
      keys += members.length;
      for (const member of members) pending.push(member);
    }
  }
  return { keys, nonFinite };
}
