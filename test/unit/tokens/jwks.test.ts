import { beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { decodeToken } from '../../../main/tokens/decode';
import { createJwksResolver } from '../../../main/tokens/jwks';
import type { KeyResolver } from '../../../main/tokens/keys';
import { verifyJwt } from '../../../main/tokens/verify';
import {
  DISCOVERY_URL,
  fakeIssuer,
  ISSUER,
  JWKS_URL,
  makeKey,
  resolverFor,
  signToken,
  testClock,
  type TestKey,
} from './fixtures';

let current: TestKey;
let rotated: TestKey;
let other: TestKey;

beforeAll(async () => {
  [current, rotated, other] = await Promise.all([
    makeKey('RS256', 'key-2026-01'),
    makeKey('RS256', 'key-2026-02'),
    makeKey('RS256', 'never-published'),
  ]);
});

const verifyWith = (resolver: KeyResolver, clock: () => Date, token: string) =>
  verifyJwt(decodeToken(token), {
    expectedIssuer: ISSUER,
    keyResolver: resolver,
    clock,
    clockToleranceSec: 60,
  });

describe('JWKS resolver: discovery', () => {
  it('finds jwks_uri through the issuer discovery document and caches the keys', async () => {
    const issuer = fakeIssuer([current.publicJwk]);
    const { clock } = testClock();
    const resolver = resolverFor(issuer, clock);

    const first = await verifyWith(resolver, clock, signToken(current));
    const second = await verifyWith(resolver, clock, signToken(current));

    expect(first.state).toBe('verified');
    expect(second.state).toBe('verified');
    expect(issuer.fetchJson.mock.calls.map(([url]) => url)).toEqual([DISCOVERY_URL, JWKS_URL]);
  });

  it.each([
    ['a different issuer', { issuer: 'https://evil.example/oauth2/token', jwks_uri: JWKS_URL }],
    ['an http jwks_uri', { issuer: ISSUER, jwks_uri: 'http://localhost:9443/oauth2/jwks' }],
    ['a jwks_uri on another origin', { issuer: ISSUER, jwks_uri: 'https://evil.example/jwks' }],
    ['a jwks_uri on another port', { issuer: ISSUER, jwks_uri: 'https://localhost:9444/jwks' }],
    ['no jwks_uri', { issuer: ISSUER }],
    ['a non-URL jwks_uri', { issuer: ISSUER, jwks_uri: 'not a url' }],
  ])('rejects discovery with %s and never fetches its keys', async (_label, discovery) => {
    const fetchJson = vi.fn((url: string): Promise<unknown> =>
      url === DISCOVERY_URL
        ? Promise.resolve(discovery)
        : Promise.resolve({ keys: [current.publicJwk] }),
    );
    const { clock } = testClock();
    const resolver = createJwksResolver({ issuer: ISSUER, fetchJson, clock, logger: silentLogger });

    const result = await verifyWith(resolver, clock, signToken(current));

    expect(result.state).toBe('unverifiable');
    expect(result.reasons.map((r) => r.code)).toEqual(['keys_unavailable']);
    expect(fetchJson.mock.calls.map(([url]) => url)).toEqual([DISCOVERY_URL]);
  });

  it('names the failing field of a malformed JWKS', async () => {
    const fetchJson = (url: string): Promise<unknown> =>
      Promise.resolve(url === DISCOVERY_URL ? { issuer: ISSUER, jwks_uri: JWKS_URL } : { keys: 7 });
    const { clock } = testClock();
    const resolver = createJwksResolver({ issuer: ISSUER, fetchJson, clock, logger: silentLogger });

    const resolution = await resolver.resolve({ kid: current.kid, alg: 'RS256' });

    expect(resolution.kind).toBe('unavailable');
    expect(resolution.kind === 'unavailable' && resolution.message).toContain('JWKS: keys:');
  });

  it('keeps only public members of published keys', async () => {
    const leaked = { ...current.publicJwk, d: 'private-exponent', x5c: ['MIIB'] };
    const issuer = fakeIssuer([leaked]);
    const { clock } = testClock();

    const resolution = await resolverFor(issuer, clock).resolve({ kid: current.kid, alg: 'RS256' });

    expect(resolution.kind).toBe('found');
    if (resolution.kind === 'found') {
      expect(Object.keys(resolution.jwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    }
  });
});

describe('JWKS resolver: rotation and refetch cooldown', () => {
  it('verifies a token signed with a freshly rotated key after one refetch', async () => {
    const issuer = fakeIssuer([current.publicJwk]);
    const { clock, advance } = testClock();
    const resolver = resolverFor(issuer, clock);
    await verifyWith(resolver, clock, signToken(current));

    issuer.setKeys([current.publicJwk, rotated.publicJwk]);
    advance(61_000);
    const result = await verifyWith(resolver, clock, signToken(rotated));

    expect(result.state).toBe('verified');
    expect(issuer.jwksFetches()).toBe(2);
  });

  it('does not refetch for a second unknown kid within the cooldown', async () => {
    const issuer = fakeIssuer([current.publicJwk]);
    const { clock, advance } = testClock();
    const resolver = resolverFor(issuer, clock);
    await verifyWith(resolver, clock, signToken(current));
    advance(61_000);

    const first = await verifyWith(resolver, clock, signToken(other));
    advance(30_000);
    const second = await verifyWith(resolver, clock, signToken(other, undefined, { kid: 'x' }));

    expect(first.state).toBe('unverifiable');
    expect(second.state).toBe('unverifiable');
    expect(second.reasons.map((r) => r.code)).toEqual(['kid_unknown']);
    expect(issuer.jwksFetches()).toBe(2);

    advance(31_000);
    await verifyWith(resolver, clock, signToken(other));
    expect(issuer.jwksFetches()).toBe(3);
  });

  it('keeps a kid that is still unknown after the refetch unverifiable, never verified', async () => {
    const issuer = fakeIssuer([current.publicJwk]);
    const { clock, advance } = testClock();
    const resolver = resolverFor(issuer, clock);
    await verifyWith(resolver, clock, signToken(current));
    advance(61_000);

    // Signed by the published key but naming a kid the issuer does not publish.
    const result = await verifyWith(resolver, clock, signToken({ ...current, kid: 'ghost' }));

    expect(result.state).toBe('unverifiable');
    expect(result.signature).toBe('not_checked');
    expect(issuer.jwksFetches()).toBe(2);
  });

  it('shares one fetch between concurrent lookups', async () => {
    const issuer = fakeIssuer([current.publicJwk]);
    const { clock } = testClock();
    const resolver = resolverFor(issuer, clock);

    const results = await Promise.all(
      [1, 2, 3].map(() => verifyWith(resolver, clock, signToken(current))),
    );

    expect(results.map((r) => r.state)).toEqual(['verified', 'verified', 'verified']);
    expect(issuer.jwksFetches()).toBe(1);
  });

  it('retries a failed fetch only after the cooldown', async () => {
    let online = false;
    const fetchJson = vi.fn((url: string): Promise<unknown> => {
      if (!online) return Promise.reject(new Error('connect ECONNREFUSED'));
      return Promise.resolve(
        url === DISCOVERY_URL
          ? { issuer: ISSUER, jwks_uri: JWKS_URL }
          : { keys: [current.publicJwk] },
      );
    });
    const { clock, advance } = testClock();
    const resolver = createJwksResolver({ issuer: ISSUER, fetchJson, clock, logger: silentLogger });

    const offline = await verifyWith(resolver, clock, signToken(current));
    online = true;
    advance(10_000);
    const stillCooling = await verifyWith(resolver, clock, signToken(current));
    advance(60_000);
    const recovered = await verifyWith(resolver, clock, signToken(current));

    expect(offline.state).toBe('unverifiable');
    expect(stillCooling.state).toBe('unverifiable');
    expect(recovered.state).toBe('verified');
    expect(fetchJson).toHaveBeenCalledTimes(3);
  });

  it('never fetches a jku named by the token', async () => {
    const issuer = fakeIssuer([current.publicJwk]);
    const { clock } = testClock();
    const resolver = resolverFor(issuer, clock);
    const jku = 'https://evil.example/.well-known/jwks.json';

    const result = await verifyWith(resolver, clock, signToken(current, undefined, { jku }));

    expect(result.state).toBe('verified');
    expect(result.warnings.map((w) => w.code)).toContain('untrusted_header_ignored');
    expect(issuer.fetchJson.mock.calls.map(([url]) => url)).not.toContain(jku);
    expect(issuer.fetchJson.mock.calls.map(([url]) => url)).toEqual([DISCOVERY_URL, JWKS_URL]);
  });
});
