import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../../main/tokens/decode';
import type { KeyResolver } from '../../../main/tokens/keys';
import { verifyJwt, type VerifyContext, type VerifyState } from '../../../main/tokens/verify';
import {
  b64,
  claims,
  fakeIssuer,
  ISSUER,
  makeKey,
  NOW_SECONDS,
  resolverFor,
  signRaw,
  signToken,
  testClock,
  type TestKey,
} from './fixtures';

let rsa: TestKey;
let pss: TestKey;
let ec: TestKey;

beforeAll(async () => {
  [rsa, pss, ec] = await Promise.all([
    makeKey('RS256', 'rsa-1'),
    makeKey('PS256', 'pss-1'),
    makeKey('ES256', 'ec-1'),
  ]);
});

interface Row {
  name: string;
  token: () => string;
  state: VerifyState;
  /** Reason code expected among the reasons (verify codes, or decode codes for malformed). */
  code?: string;
  context?: Partial<VerifyContext>;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const header = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ alg: 'RS256', kid: 'rsa-1', typ: 'at+jwt', ...extra });
const body = (extra: Record<string, unknown> = {}) => JSON.stringify(claims(extra));

/** Replaces one segment of a good token; `which` 0 = header, 1 = payload. */
const withSegment = (token: string, which: number, segment: string) => {
  const parts = token.split('.');
  parts[which] = segment;
  return parts.join('.');
};

const rows: Row[] = [
  { name: 'RS256 happy path', token: () => signToken(rsa), state: 'verified' },
  { name: 'PS256 happy path', token: () => signToken(pss), state: 'verified' },
  { name: 'ES256 happy path', token: () => signToken(ec), state: 'verified' },
  {
    name: 'alg none with an empty signature',
    token: () => `${b64(header({ alg: 'none' }))}.${b64(body())}.`,
    state: 'invalid',
    code: 'alg_none',
  },
  {
    name: 'HS256 signed with the RSA public key PEM as the HMAC secret',
    token: () => {
      const input = `${b64(header({ alg: 'HS256' }))}.${b64(body())}`;
      const mac = createHmac('sha256', rsa.publicPem).update(input).digest('base64url');
      return `${input}.${mac}`;
    },
    state: 'invalid',
    code: 'alg_symmetric',
  },
  {
    name: 'duplicate alg in the header (validly signed)',
    token: () => signRaw(rsa, '{"alg":"RS256","kid":"rsa-1","alg":"none"}', body()),
    state: 'invalid',
    code: 'json_duplicate_key',
  },
  {
    name: 'duplicate key in the payload (validly signed)',
    token: () => signRaw(rsa, header(), body().replace(/}$/, ',"sub":"someone-else"}')),
    state: 'invalid',
    code: 'json_duplicate_key',
  },
  {
    name: "padding '=' on a segment",
    token: () => withSegment(signToken(rsa), 1, `${b64(body())}==`),
    state: 'invalid',
    code: 'base64url_padding',
  },
  {
    name: "standard base64 '+' and '/'",
    token: () =>
      withSegment(
        signToken(rsa),
        1,
        Buffer.from(body()).toString('base64').replace(/=+$/, '') + '+/',
      ),
    state: 'invalid',
    code: 'base64url_standard_alphabet',
  },
  {
    name: 'whitespace inside a segment',
    token: () => {
      const payload = b64(body());
      return withSegment(signToken(rsa), 1, `${payload.slice(0, 8)} ${payload.slice(8)}`);
    },
    state: 'invalid',
    code: 'base64url_whitespace',
  },
  {
    name: 'non-canonical trailing bits',
    token: () => {
      // Pick a payload whose encoding ends in a partial group, then set an unused low bit.
      const payload = ['j', 'jj', 'jjj']
        .map((jti) => b64(body({ jti })))
        .find((segment) => segment.length % 4 !== 0)!;
      const last = ALPHABET.indexOf(payload.slice(-1));
      const tweaked = payload.slice(0, -1) + ALPHABET[last ^ 1]!;
      return withSegment(signToken(rsa), 1, tweaked);
    },
    state: 'invalid',
    code: 'base64url_noncanonical',
  },
  {
    name: 'exp 1e400 (reads as Infinity), validly signed',
    token: () => signRaw(rsa, header(), body().replace(/"exp":\d+/, '"exp":1e400')),
    state: 'invalid',
    code: 'time_absurd',
  },
  {
    name: 'exp after the year 3000',
    token: () => signToken(rsa, claims({ exp: 40_000_000_000 })),
    state: 'invalid',
    code: 'time_absurd',
  },
  {
    name: 'negative nbf',
    token: () => signToken(rsa, claims({ nbf: -5 })),
    state: 'invalid',
    code: 'time_absurd',
  },
  {
    name: 'exp as a string',
    token: () => signToken(rsa, claims({ exp: '1760003600' })),
    state: 'invalid',
    code: 'claim_type',
  },
  {
    name: 'no exp at all',
    token: () => signToken(rsa, claims({ exp: undefined })),
    state: 'invalid',
    code: 'exp_missing',
  },
  {
    name: '40 000-deep payload within the size cap',
    token: () => `${b64(header())}.${b64('['.repeat(40_000))}.c2ln`,
    state: 'invalid',
    code: 'json_too_deep',
  },
  {
    name: '200 000-deep payload',
    token: () => `${b64(header())}.${b64('['.repeat(200_000))}.c2ln`,
    state: 'invalid',
    code: 'too_large',
  },
  {
    name: 'unknown kid',
    token: () => signToken(rsa, claims(), { kid: 'not-published' }),
    state: 'unverifiable',
    code: 'kid_unknown',
  },
  {
    name: 'no kid',
    token: () => signToken(rsa, claims(), { kid: undefined }),
    state: 'unverifiable',
    code: 'kid_missing',
  },
  {
    name: 'unknown crit extension',
    token: () =>
      signToken(rsa, claims(), { crit: ['urn:example:unknown'], 'urn:example:unknown': 1 }),
    state: 'invalid',
    code: 'crit_unsupported',
  },
  {
    name: 'wrong issuer',
    token: () => signToken(rsa, claims({ iss: 'https://evil.example/oauth2/token' })),
    state: 'invalid',
    code: 'issuer_mismatch',
  },
  {
    name: 'expired beyond the tolerance',
    token: () => signToken(rsa, claims({ exp: NOW_SECONDS - 61 })),
    state: 'invalid',
    code: 'expired',
  },
  {
    name: 'not yet valid beyond the tolerance',
    token: () => signToken(rsa, claims({ nbf: NOW_SECONDS + 120 })),
    state: 'invalid',
    code: 'not_yet_valid',
  },
  {
    name: 'audience not ours',
    token: () => signToken(rsa, claims({ aud: ['someone-else'] })),
    state: 'invalid',
    code: 'audience_mismatch',
    context: { audience: 'vMH8K3zdIhlSiIDmmvnebNOI_bIa' },
  },
  {
    name: 'typ is not at+jwt when an access token is expected',
    token: () => signToken(rsa, claims(), { typ: 'JWT' }),
    state: 'invalid',
    code: 'typ_mismatch',
    context: { expectedType: 'at+jwt' },
  },
  {
    name: 'tampered payload',
    token: () => withSegment(signToken(rsa), 1, b64(body({ sub: 'admin' }))),
    state: 'invalid',
    code: 'signature_invalid',
  },
  {
    name: 'signed by a key the issuer does not hold, with its kid',
    token: () => signToken({ ...ec, kid: 'rsa-1', alg: 'ES256' }),
    state: 'invalid',
    code: 'key_unusable',
  },
  {
    name: 'PS256 header on the RS256-published key',
    token: () => signToken({ ...pss, kid: 'rsa-1' }),
    state: 'invalid',
    code: 'key_unusable',
  },
  {
    name: 'ES384 is not on the allow-list',
    token: () => `${b64(header({ alg: 'ES384' }))}.${b64(body())}.c2ln`,
    state: 'invalid',
    code: 'alg_not_allowed',
  },
  {
    name: 'encrypted token (five segments)',
    token: () => 'eyJhbGciOiJSU0EtT0FFUCJ9.a2V5.aXY.Y2lwaGVy.dGFn',
    state: 'invalid',
    code: 'encrypted_unsupported',
  },
  {
    name: 'opaque WSO2 token',
    token: () => '54bd024f-5080-3db5-9422-785f5d610605',
    state: 'unverifiable',
    code: 'opaque_token',
  },
];

describe('decodeToken + verifyJwt: bad-input table', () => {
  it.each(rows)('$name → $state', async (row) => {
    const issuer = fakeIssuer([rsa.publicJwk, pss.publicJwk, ec.publicJwk]);
    const { clock } = testClock();
    const context: VerifyContext = {
      expectedIssuer: ISSUER,
      keyResolver: resolverFor(issuer, clock),
      clock,
      clockToleranceSec: 60,
      ...row.context,
    };

    const decoded = decodeToken(row.token());
    const result = await verifyJwt(decoded, context);

    expect(result.state).toBe(row.state);
    const codes = [
      ...result.reasons.map((r) => r.code),
      ...(decoded.kind === 'malformed' ? decoded.reasons.map((r) => r.code) : []),
    ];
    if (row.code !== undefined) expect(codes).toContain(row.code);
    if (row.state === 'verified') expect(result.signature).toBe('valid');
    else expect(result.reasons.length).toBeGreaterThan(0);
  });
});

describe('verifyJwt: key handling', () => {
  const spyResolver = (): KeyResolver & { calls: number } => {
    const resolver = {
      calls: 0,
      resolve() {
        resolver.calls++;
        return Promise.resolve({ kind: 'found' as const, jwk: rsa.publicJwk });
      },
    };
    return resolver;
  };

  it('never asks for a key when the algorithm is refused', async () => {
    const resolver = spyResolver();
    const { clock } = testClock();
    const input = `${b64(header({ alg: 'HS256' }))}.${b64(body())}`;
    const mac = createHmac('sha256', rsa.publicPem).update(input).digest('base64url');

    const result = await verifyJwt(decodeToken(`${input}.${mac}`), {
      keyResolver: resolver,
      clock,
      clockToleranceSec: 0,
    });

    expect(result.state).toBe('invalid');
    expect(result.signature).toBe('not_checked');
    expect(resolver.calls).toBe(0);
  });

  it('ignores embedded jwk and jku headers and verifies only with the resolver key', async () => {
    const attacker = await makeKey('RS256', 'rsa-1');
    const token = signToken(attacker, claims(), {
      jwk: attacker.publicJwk,
      jku: 'https://evil.example/jwks',
    });
    const { clock } = testClock();

    const result = await verifyJwt(decodeToken(token), {
      keyResolver: spyResolver(),
      clock,
      clockToleranceSec: 0,
    });

    expect(result.state).toBe('invalid');
    expect(result.reasons.map((r) => r.code)).toContain('signature_invalid');
    expect(result.warnings.map((w) => w.code)).toEqual([
      'untrusted_header_ignored',
      'untrusted_header_ignored',
    ]);
  });

  it('reports a resolver failure as unverifiable, never verified', async () => {
    const { clock } = testClock();
    const failing: KeyResolver = { resolve: () => Promise.reject(new Error('offline')) };

    const result = await verifyJwt(decodeToken(signToken(rsa)), {
      keyResolver: failing,
      clock,
      clockToleranceSec: 0,
    });

    expect(result.state).toBe('unverifiable');
    expect(result.reasons.map((r) => r.code)).toEqual(['keys_unavailable']);
  });

  it('accepts exp inside the clock tolerance and rejects it just outside', async () => {
    const token = signToken(rsa, claims({ exp: NOW_SECONDS - 30 }));
    const { clock } = testClock();
    const context = { keyResolver: spyResolver(), clock };

    const lenient = await verifyJwt(decodeToken(token), { ...context, clockToleranceSec: 60 });
    const strict = await verifyJwt(decodeToken(token), { ...context, clockToleranceSec: 10 });

    expect(lenient.state).toBe('verified');
    expect(strict.state).toBe('invalid');
  });
});
