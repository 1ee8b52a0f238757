import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactString } from '../../../main/log/redact';

const jwt =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhZ2VudCIsImV4cCI6MTc2MDAwMDAwMH0.c2lnbmF0dXJl';

/** Secret values, each distinctive enough that finding it in the output means it leaked. */
const SECRETS = [jwt, 'Zm9vOmJhcg-secret1', 'pw-SECRET-2', 'rt-secret-3', 'ver1f1er-secret-4'];

/** How a secret sits in text: after a form name, a credential scheme, or bare if it is a JWT. */
const secretFragment = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'token',
        'client_secret',
        'refresh_token',
        'CODE',
        'code_verifier',
        'password',
      ),
      fc.constantFrom(...SECRETS),
    )
    .map(([name, value]) => `${name}=${value}`),
  fc
    .tuple(fc.constantFrom('Bearer', 'basic', 'BASIC'), fc.constantFrom(...SECRETS))
    .map(([scheme, value]) => `${scheme} ${value}`),
  fc.constant(jwt),
);
const filler = fc.constantFrom('&', ' ', '"', '?', 'x=1', 'scope=a+b', 'len=4', '[', 'tokens', '=');

describe('redactString', () => {
  it('masks `token=<jwt>` as one value of the JWT’s full length', () => {
    const body = new URLSearchParams({ grant_type: 'organization_switch', token: jwt }).toString();

    expect(redactString(body)).toBe(
      `grant_type=organization_switch&token=[redacted token len=${jwt.length}]`,
    );
  });

  it('returns text without anything secret-shaped unchanged', () => {
    const text = 'organization switched in 12 ms; scope=internal_org_view&len=4 [redacted]';

    expect(redactString(text)).toBe(text);
  });

  it('leaves no secret behind wherever it sits among other text, and is stable', () => {
    const separated = fc.tuple(
      fc.oneof(secretFragment, filler),
      fc.constantFrom(' ', '&', '"', ', '),
    );
    fc.assert(
      fc.property(fc.array(separated, { maxLength: 8 }), (parts) => {
        const out = redactString(parts.map(([part, separator]) => part + separator).join(''));

        for (const secret of SECRETS) expect(out).not.toContain(secret);
        expect(redactString(out)).toBe(out);
      }),
      { numRuns: 500 },
    );
  });
});

describe('redactString on form bodies', () => {
  it('masks a secret value by its name, whatever its case', () => {
    const body = `grant_type=organization_switch&CODE=${'x'.repeat(5000)}&scope=a`;

    expect(redactString(body)).toBe(
      'grant_type=organization_switch&CODE=[redacted CODE len=5000]&scope=a',
    );
  });
});

describe('redact', () => {
  it('masks a secret-named field whatever its case, and keeps its neighbours', () => {
    expect(redact({ Access_Token: 'abc', TOKEN: 7, token_type: 'Bearer' })).toEqual({
      Access_Token: '[redacted access_token len=3]',
      TOKEN: '[redacted]',
      token_type: 'Bearer',
    });
  });

  it('keeps a parsed `__proto__` key as an own field without touching any prototype', () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":true},"ok":1}') as unknown;

    const out = redact(parsed) as Record<string, unknown>;

    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'ok']);
    expect(out.polluted).toBeUndefined();
  });
});
