/**
 * A strict JSON parser for token segments. JSON.parse keeps the last of duplicate keys and
 * recurses without a bound, so a crafted header could hide a second `alg` or exhaust the stack.
 * This parser walks the text with an explicit stack, rejects duplicate keys at any level, caps
 * nesting depth, and stores keys with defineProperty so `__proto__` stays an ordinary own key.
 *
 * Most inputs are plain: a structural scan (json-scan.ts) bounds their nesting, the native
 * JSON.parse builds the value — which also keeps `__proto__` an own key — and a count of keys
 * shows that none was merged away as a duplicate. Everything else (syntax errors, duplicates, depth, out-of-range numbers) goes through
 * the walk below, so every rejection and warning is the walk's own.
 */
import { countKeys, shapeOf } from './json-scan';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type JsonErrorCode = 'json_syntax' | 'json_duplicate_key' | 'json_too_deep';

export type JsonParseResult =
  | { ok: true; value: JsonValue; nonFinitePaths: string[] }
  | { ok: false; code: JsonErrorCode; message: string; offset: number };

export const DEFAULT_MAX_DEPTH = 32;

/** An open object: its keys so far (for duplicate detection) and the key awaiting a value. */
interface ObjectFrame {
  kind: 'object';
  value: JsonObject;
  keys: Set<string>;
  key: string;
}
type Frame = ObjectFrame | { kind: 'array'; value: JsonValue[] };

class ParseFailure extends Error {
  constructor(
    readonly code: JsonErrorCode,
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Sets a key as an own data property; plain assignment of `__proto__` would swap the prototype. */
export function defineOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Parses `text` as one JSON value; never throws. */
export function parseStrictJson(text: string, maxDepth = DEFAULT_MAX_DEPTH): JsonParseResult {
  const plain = plainParse(text, maxDepth);
  if (plain !== undefined) return { ok: true, value: plain, nonFinitePaths: [] };
  return walkStrictJson(text, maxDepth);
}

/** The full walk alone, without the fast path: the reference `parseStrictJson` must agree with. */
export function walkStrictJson(text: string, maxDepth = DEFAULT_MAX_DEPTH): JsonParseResult {
  try {
    return new Parser(text, maxDepth).run();
  } catch (failure) {
    if (failure instanceof ParseFailure) {
      return { ok: false, code: failure.code, message: failure.message, offset: failure.offset };
    }
    throw failure;
  }
}

/** The value of a plain input by the fast path, or undefined when the full walk must decide. */
function plainParse(text: string, maxDepth: number): JsonValue | undefined {
  const keysInText = countKeys(text, maxDepth);
  if (keysInText === -1) return undefined;
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  const shape = shapeOf(value);
  return shape.keys === keysInText && !shape.nonFinite ? value : undefined;
}

class Parser {
  private pos = 0;
  private readonly stack: Frame[] = [];
  private readonly nonFinitePaths: string[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  run(): JsonParseResult {
    this.skipWhitespace();
    let done: JsonValue | undefined;
    while (done === undefined) {
      const value = this.readValueOrOpen();
      if (value !== undefined) done = this.complete(value);
    }
    this.skipWhitespace();
    if (this.pos !== this.text.length) this.fail('json_syntax', 'unexpected text after the value');
    return { ok: true, value: done, nonFinitePaths: this.nonFinitePaths };
  }

  /** Reads a scalar, or opens a container and returns undefined (its content comes next). */
  private readValueOrOpen(): JsonValue | undefined {
    const ch = this.text[this.pos];
    if (ch === '{' || ch === '[') {
      if (this.stack.length >= this.maxDepth) {
        this.fail('json_too_deep', `nesting deeper than ${this.maxDepth} levels`);
      }
      const isObject = ch === '{';
      this.pos++;
      this.skipWhitespace();
      if (this.text[this.pos] === (isObject ? '}' : ']')) {
        this.pos++;
        return isObject ? {} : [];
      }
      if (isObject) {
        const frame: ObjectFrame = { kind: 'object', value: {}, keys: new Set(), key: '' };
        this.stack.push(frame);
        this.readKey(frame);
      } else {
        this.stack.push({ kind: 'array', value: [] });
      }
      return undefined;
    }
    return this.readScalar();
  }

  /** Attaches a finished value to its parent, closing containers; returns the root when done. */
  private complete(initial: JsonValue): JsonValue | undefined {
    let value = initial;
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (top === undefined) return value;
      if (top.kind === 'object') defineOwn(top.value, top.key, value);
      else top.value.push(value);

      this.skipWhitespace();
      const ch = this.text[this.pos];
      if (ch === ',') {
        this.pos++;
        this.skipWhitespace();
        if (top.kind === 'object') this.readKey(top);
        return undefined;
      }
      if ((top.kind === 'object' && ch === '}') || (top.kind === 'array' && ch === ']')) {
        this.pos++;
        this.stack.pop();
        value = top.value;
        continue;
      }
      this.fail('json_syntax', `expected ',' or a closing bracket`);
    }
  }

  private readKey(frame: ObjectFrame): void {
    if (this.text[this.pos] !== '"') this.fail('json_syntax', 'expected a quoted key');
    const start = this.pos;
    const key = this.readString();
    if (frame.keys.has(key)) {
      this.pos = start;
      this.fail('json_duplicate_key', `duplicate key "${key.slice(0, 40)}"`);
    }
    frame.keys.add(key);
    frame.key = key;
    this.skipWhitespace();
    if (this.text[this.pos] !== ':') this.fail('json_syntax', `expected ':' after a key`);
    this.pos++;
    this.skipWhitespace();
  }

  private readScalar(): JsonValue {
    const ch = this.text[this.pos];
    if (ch === '"') return this.readString();
    if (this.text.startsWith('true', this.pos)) return this.literal(4, true);
    if (this.text.startsWith('false', this.pos)) return this.literal(5, false);
    if (this.text.startsWith('null', this.pos)) return this.literal(4, null);
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail('json_syntax', 'expected a JSON value');
    this.pos += match[0].length;
    const number = Number(match[0]);
    if (!Number.isFinite(number)) this.nonFinitePaths.push(this.currentPath());
    return number;
  }

  private literal<T extends JsonValue>(length: number, value: T): T {
    this.pos += length;
    return value;
  }

  private readString(): string {
    const parts: string[] = [];
    let runStart = ++this.pos;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (Number.isNaN(code)) this.fail('json_syntax', 'unterminated string');
      if (code === 0x22) {
        parts.push(this.text.slice(runStart, this.pos));
        this.pos++;
        return parts.join('');
      }
      if (code < 0x20) this.fail('json_syntax', 'control character inside a string');
      if (code === 0x5c) {
        parts.push(this.text.slice(runStart, this.pos));
        parts.push(this.readEscape());
        runStart = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  private readEscape(): string {
    const ch = this.text[this.pos + 1] ?? '';
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    if (ch === 'u') {
      const hex = this.text.slice(this.pos + 2, this.pos + 6);
      if (!HEX4.test(hex)) this.fail('json_syntax', 'bad \\u escape');
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    return this.fail('json_syntax', 'bad escape sequence');
  }

  private skipWhitespace(): void {
    for (;;) {
      const ch = this.text[this.pos];
      if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return;
      this.pos++;
    }
  }

  private currentPath(): string {
    return this.stack
      .map((frame) => (frame.kind === 'object' ? frame.key : `[${frame.value.length}]`))
      .join('.');
  }

  private fail(code: JsonErrorCode, message: string): never {
    throw new ParseFailure(code, `${message} at offset ${this.pos}`, this.pos);
  }
}
