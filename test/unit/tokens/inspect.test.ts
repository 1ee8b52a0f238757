import { beforeAll, describe, expect, it } from 'vitest';
import { inspectToken, maskedPreview } from '../../../main/tokens/inspect';
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

beforeAll(async () => {
  rsa = await makeKey('RS256', 'rsa-1');
});

function deps() {
  const { clock } = testClock();
  const issuer = fakeIssuer([rsa.publicJwk]);
  return {
    clock,
    verification: {
      expectedIssuer: ISSUER,
      keyResolver: resolverFor(issuer, clock),
      clockToleranceSec: 60,
    },
  };
}

describe('inspectToken', () => {
  it('reports a verified OBO token with explanations, actor chain and expiry', async () => {
    const token = signToken(
      rsa,
      claims({ sub: 'user-9', aut: 'APPLICATION_USER', act: { sub: 'agent-1' }, org_id: 'c1' }),
    );

    const report = await inspectToken(token, deps());

    expect(report.kind).toBe('jwt');
    expect(report.verification.state).toBe('verified');
    expect(report.header.map((h) => h.name)).toEqual(['alg', 'kid', 'typ']);
    expect(report.claims.find((c) => c.claim === 'org_id')!.meaning).toMatch(/organization/);
    expect(report.actorChain.links).toEqual([
      { depth: 1, sub: 'agent-1', label: 'current actor', flags: [] },
    ]);
    expect(report.expiry).toEqual({
      state: 'valid',
      expiresAt: new Date((NOW_SECONDS + 3600) * 1000).toISOString(),
      relative: 'in 1 h',
    });
    expect(report.warnings).toEqual([]);
  });

  it('never puts the raw token or its signature in the report', async () => {
    const token = signToken(rsa);
    const signature = token.split('.')[2]!;

    const report = await inspectToken(token, deps());
    const serialized = JSON.stringify(report);

    expect(serialized).not.toContain(token);
    expect(serialized).not.toContain(signature.slice(0, 20));
    expect(serialized).not.toContain(token.split('.').slice(0, 2).join('.'));
    expect(report.preview).toBe(`${token.slice(0, 10)}…${token.slice(-3)} (${token.length} chars)`);
  });

  it('reports a malformed token with its problems, without throwing', async () => {
    const token = signRaw(rsa, '{"alg":"RS256","alg":"none"}', '{}');

    const report = await inspectToken(token, deps());

    expect(report.kind).toBe('malformed');
    expect(report.problems.map((p) => p.code)).toEqual(['json_duplicate_key']);
    expect(report.verification.state).toBe('invalid');
    expect(report.claims).toEqual([]);
  });

  it('without an issuer, leaves the signature unverifiable but still judges the claims', async () => {
    const { clock } = testClock();

    const fresh = await inspectToken(signToken(rsa), { clock });
    const expired = await inspectToken(signToken(rsa, claims({ exp: NOW_SECONDS - 3600 })), {
      clock,
    });

    expect(fresh.verification.state).toBe('unverifiable');
    expect(fresh.verification.reasons.map((r) => r.code)).toEqual(['keys_unavailable']);
    expect(expired.verification.state).toBe('invalid');
    expect(expired.expiry.state).toBe('expired');
  });

  it('asks the server about an opaque token and withholds unknown field values', async () => {
    const { clock } = testClock();
    const post = () =>
      Promise.resolve<unknown>({
        active: true,
        username: 'alice',
        aut: 'APPLICATION_USER',
        token_string: 'eyJsecret-user-context',
      });

    const report = await inspectToken('54bd024f-5080-3db5-9422-785f5d610605', {
      clock,
      introspect: post,
    });

    expect(report.kind).toBe('opaque');
    expect(report.verification.state).toBe('unverifiable');
    expect(report.introspection!.state).toBe('active');
    expect(report.introspection!.claims.map((c) => c.claim)).toEqual(['username', 'aut']);
    expect(report.introspection!.otherFields).toEqual(['token_string']);
    expect(JSON.stringify(report)).not.toContain('eyJsecret');
  });

  it('turns a failing introspection request into a reported problem', async () => {
    const { clock } = testClock();
    const post = () => Promise.reject(new Error('connect ECONNREFUSED'));

    const report = await inspectToken('opaque-token-value', { clock, introspect: post });

    expect(report.introspection).toEqual({
      state: 'failed',
      claims: [],
      otherFields: [],
      problem: 'request failed: connect ECONNREFUSED',
    });
  });

  it('carries decode, verification and actor-chain warnings', async () => {
    const payload = JSON.stringify(claims({ act: { sub: 'a', exp: 5 } })).replace(
      /"iat":\d+/,
      '"iat":1e999',
    );
    const token = signRaw(
      rsa,
      JSON.stringify({ alg: 'RS256', kid: 'rsa-1', jku: 'https://x' }),
      payload,
    );

    const report = await inspectToken(token, deps());

    expect(report.verification.state).toBe('invalid');
    expect(report.warnings).toEqual([
      'number at "iat" is out of range and reads as Infinity',
      'header "jku" names its own key source; it is ignored and never fetched',
      'act at depth 1 carries exp/aud/nbf, which do not belong in act',
    ]);
  });

  it('keeps a __proto__ claim inert through the whole report', async () => {
    const payload = JSON.stringify(claims()).replace('{', '{"__proto__":{"isAdmin":true},');
    const token = `${b64('{"alg":"RS256","kid":"rsa-1"}')}.${b64(payload)}.c2ln`;

    const report = await inspectToken(token, deps());

    expect(report.claims.find((c) => c.claim === '__proto__')!.origin).toBe('other');
    for (const entry of report.claims) expect(Object.getPrototypeOf(entry)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('maskedPreview', () => {
  it('shows less of short tokens', () => {
    expect(maskedPreview('abcdefghij')).toBe('abcd… (10 chars)');
  });
});
