import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64UrlStrict } from '../../../main/tokens/base64url';
import { decodeToken, MAX_TOKEN_CHARS, type DecodeResult } from '../../../main/tokens/decode';
import { parseStrictJson } from '../../../main/tokens/json';
import { b64 } from './fixtures';

const KINDS = ['jwt', 'opaque', 'malformed'];
const codesOf = (result: DecodeResult) =>
  result.kind === 'malformed' ? result.reasons.map((r) => r.code) : [];
const jwt = (header: string, payload: string, signature = 'c2ln') =>
  `${b64(header)}.${b64(payload)}.${signature}`;

describe('decodeToken', () => {
  it('decodes a JWS into header, payload, signing input and signature', () => {
    const token = jwt('{"alg":"RS256","kid":"k1"}', '{"sub":"agent","exp":1760003600}');

    const result = decodeToken(`  ${token}\n`);

    expect(result).toEqual({
      kind: 'jwt',
      header: { alg: 'RS256', kid: 'k1' },
      payload: { sub: 'agent', exp: 1760003600 },
      signingInput: token.split('.').slice(0, 2).join('.'),
      signature: 'c2ln',
      warnings: [],
    });
  });

  it.each([
    ['a UUID-like WSO2 token', '54bd024f-5080-3db5-9422-785f5d610605'],
    ['a b64token with padding', 'mF_9.B5f-4.1JqM'.replace(/\./g, '') + '=='],
  ])('classifies %s as opaque', (_label, token) => {
    expect(decodeToken(token)).toEqual({ kind: 'opaque' });
  });

  it.each([
    ['empty input', '   ', 'empty'],
    ['too large input', 'a'.repeat(MAX_TOKEN_CHARS + 1), 'too_large'],
    ['two segments', 'eyJhIjoxfQ.eyJiIjoyfQ', 'segment_count'],
    ['four segments', 'a.b.c.d', 'segment_count'],
    ['five segments (JWE)', 'a.b.c.d.e', 'encrypted_unsupported'],
    ['spaces inside an opaque token', 'abc def', 'invalid_characters'],
    ['header that is not JSON', `${b64('alg')}.${b64('{}')}.`, 'json_syntax'],
    ['header that is an array', `${b64('[1]')}.${b64('{}')}.`, 'not_object'],
    ['payload that is a string', `${b64('{}')}.${b64('"x"')}.`, 'not_object'],
    [
      'invalid UTF-8 in the payload',
      `${b64('{}')}.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.`,
      'utf8_invalid',
    ],
    ['a byte-order mark before the JSON', `${b64('\uFEFF{}')}.${b64('{}')}.`, 'json_syntax'],
    ['trailing text after the JSON', `${b64('{} x')}.${b64('{}')}.`, 'json_syntax'],
    ['a segment of impossible length', `${b64('{}')}.${b64('{}')}.abcde`, 'base64url_length'],
    ['a padded signature', `${b64('{}')}.${b64('{}')}.c2lnbg==`, 'base64url_padding'],
    ['a non-ASCII character', `${b64('{}')}.${b64('{}')}.sig\u00e9`, 'base64url_alphabet'],
    [
      'duplicate alg in the header',
      jwt('{"alg":"RS256","alg":"none"}', '{}'),
      'json_duplicate_key',
    ],
    ['duplicate nested key', jwt('{}', '{"act":{"sub":"a","sub":"b"}}'), 'json_duplicate_key'],
    ['a 200 000-deep payload', `${b64('{}')}.${b64('['.repeat(200_000))}.`, 'too_large'],
    ['a 40 000-deep payload', `${b64('{}')}.${b64('{"a":'.repeat(8_000))}.`, 'json_too_deep'],
  ])('rejects %s', (_label, token, code) => {
    const result = decodeToken(token);

    expect(result.kind).toBe('malformed');
    expect(codesOf(result)).toContain(code);
  });

  it('keeps 1e400 as Infinity and warns about it', () => {
    const result = decodeToken(jwt('{"alg":"RS256"}', '{"exp":1e400,"act":{"iat":-1e999}}'));

    expect(result.kind).toBe('jwt');
    if (result.kind !== 'jwt') return;
    expect(result.payload.exp).toBe(Infinity);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'number at "exp" is out of range and reads as Infinity',
      'number at "act.iat" is out of range and reads as Infinity',
    ]);
  });

  it('stores a __proto__ claim as an own key without touching any prototype', () => {
    const payload =
      '{"__proto__":{"isAdmin":true},"sub":"x","constructor":{"prototype":{"isAdmin":true}}}';

    const result = decodeToken(jwt('{"alg":"RS256"}', payload));

    expect(result.kind).toBe('jwt');
    if (result.kind !== 'jwt') return;
    expect(Object.getPrototypeOf(result.payload)).toBe(Object.prototype);
    expect(Object.keys(result.payload)).toEqual(['__proto__', 'sub', 'constructor']);
    expect((result.payload as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('decodeBase64UrlStrict', () => {
  it('accepts the canonical encoding of every byte length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const result = decodeBase64UrlStrict(Buffer.from(bytes).toString('base64url'));
        expect(result.ok && Buffer.from(result.bytes).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('rejects every non-canonical spelling of the same bytes', () => {
    // "QQ" is "A"; "QR" … "QX" decode to "A" too in lenient decoders.
    for (const spelling of ['QR', 'QS', 'QT', 'QU', 'QV', 'QW', 'QX', 'QY']) {
      expect(decodeBase64UrlStrict(spelling)).toMatchObject({
        ok: false,
        code: 'base64url_noncanonical',
      });
    }
    expect(decodeBase64UrlStrict('QQ')).toMatchObject({ ok: true });
  });
});

describe('parseStrictJson', () => {
  it('answers a 200 000-deep array with a structured error, not a RangeError', () => {
    const result = parseStrictJson('['.repeat(200_000) + ']'.repeat(200_000));

    expect(result).toMatchObject({ ok: false, code: 'json_too_deep' });
  });

  it('agrees with JSON.parse on valid JSON without duplicate keys', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        const result = parseStrictJson(text);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value).toStrictEqual(JSON.parse(text));
      }),
    );
  });

  it.each([
    ['a leading zero', '01'],
    ['a trailing comma', '[1,]'],
    ['a single-quoted string', "'a'"],
    ['a raw control character', '"a\u0001"'],
    ['a bad escape', '"\\x41"'],
    ['NaN', 'NaN'],
    ['an unterminated object', '{"a":1'],
  ])('rejects %s', (_label, text) => {
    expect(parseStrictJson(text)).toMatchObject({ ok: false, code: 'json_syntax' });
  });
});

describe('decodeToken fuzzing', () => {
  const neverThrows = (token: string) => {
    const result = decodeToken(token);
    expect(KINDS).toContain(result.kind);
  };

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), neverThrows), {
      numRuns: 2000,
    });
  });

  it('never throws on arbitrary three-part dotted strings', () => {
    const part = fc.string({ unit: 'binary', maxLength: 80 });
    fc.assert(
      fc.property(fc.tuple(part, part, part), (parts) => neverThrows(parts.join('.'))),
      { numRuns: 2000 },
    );
  });

  it('never throws on base64url segments of arbitrary bytes and JSON', () => {
    const bytes = fc
      .uint8Array({ maxLength: 120 })
      .map((b) => Buffer.from(b).toString('base64url'));
    const json = fc.json({ maxDepth: 4 }).map(b64);
    const segment = fc.oneof(bytes, json);
    fc.assert(
      fc.property(fc.tuple(segment, segment, segment), (parts) => neverThrows(parts.join('.'))),
      { numRuns: 2000 },
    );
  });

  it('leaves Object.prototype untouched whatever the payload', () => {
    const hostile = fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin');
    const object = fc.dictionary(fc.oneof(hostile, fc.string()), fc.jsonValue({ maxDepth: 3 }));
    fc.assert(
      fc.property(object, (value) => {
        const text = JSON.stringify(value).replace('{', '{"__proto__":{"isAdmin":true},');
        decodeToken(jwt('{"alg":"RS256"}', text));
        expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { numRuns: 300 },
    );
  });
});
