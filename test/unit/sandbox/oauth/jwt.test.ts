import { describe, expect, it } from 'vitest';
import { createSigningKey, signJwt, verifyJwt } from '../../../../main/sandbox/oauth/jwt';

const [key, other] = await Promise.all([createSigningKey(), createSigningKey()]);

function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('RS256 signing and verification', () => {
  it('round-trips claims and names the key in the header', () => {
    const token = signJwt(key, 'at+jwt', { sub: 'a', n: 1 });
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as unknown;
    expect(header).toEqual({ alg: 'RS256', typ: 'at+jwt', kid: key.kid });
    expect(verifyJwt(key, token)).toEqual({ ok: true, claims: { sub: 'a', n: 1 } });
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]+_RS256$/);
    expect(key.jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
  });

  it('rejects another key, a changed payload, alg none and HS256', () => {
    const token = signJwt(key, 'at+jwt', { sub: 'a' });
    const [h, , s] = token.split('.');
    expect(verifyJwt(other, token)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyJwt(key, `${h}.${segment({ sub: 'b' })}.${s}`).ok).toBe(false);
    const none = `${segment({ alg: 'none', kid: key.kid })}.${segment({ sub: 'a' })}.x`;
    expect(verifyJwt(key, none)).toEqual({ ok: false, reason: 'signature' });
    const hs = `${segment({ alg: 'HS256', kid: key.kid })}.${segment({ sub: 'a' })}.${s}`;
    expect(verifyJwt(key, hs).ok).toBe(false);
  });

  it('calls malformed input malformed', () => {
    for (const bad of ['', 'a.b', 'a.b.c.d', 'x.y.z', `${segment([1])}.${segment({})}.sig`]) {
      expect(verifyJwt(key, bad)).toEqual({ ok: false, reason: 'malformed' });
    }
    const token = signJwt(key, 'JWT', { sub: 'a' });
    expect(verifyJwt(key, `${token.split('.').slice(0, 2).join('.')}.`).ok).toBe(false);
    expect(verifyJwt(key, token.replace(/\.[^.]+$/, '.+/='))).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
