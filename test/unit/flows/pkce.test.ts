import { describe, expect, it } from 'vitest';
import { challengeFor, createNonce, createPkce, createState } from '../../../main/flows/pkce';

const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;

describe('PKCE', () => {
  it('reproduces the RFC 7636 Appendix B vector', () => {
    // Value as printed in RFC 7636 Appendix B.
    expect(challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('creates a 43-character verifier with its S256 challenge', () => {
    const pkce = createPkce();

    expect(pkce.method).toBe('S256');
    expect(pkce.verifier).toHaveLength(43);
    expect(pkce.verifier).toMatch(UNRESERVED);
    expect(pkce.challenge).toBe(challengeFor(pkce.verifier));
    expect(pkce.challenge).toHaveLength(43);
  });

  it('creates a fresh verifier every time', () => {
    const verifiers = new Set(Array.from({ length: 50 }, () => createPkce().verifier));

    expect(verifiers.size).toBe(50);
  });

  it.each([
    ['too short', 'a'.repeat(42)],
    ['too long', 'a'.repeat(129)],
    ['outside the unreserved set', `${'a'.repeat(42)}+`],
  ])('refuses a verifier that is %s', (_label, verifier) => {
    expect(() => challengeFor(verifier)).toThrow(RangeError);
  });

  it('accepts the longest allowed verifier', () => {
    expect(challengeFor('a'.repeat(128))).toHaveLength(43);
  });
});

describe('state and nonce', () => {
  it.each([
    ['state', createState],
    ['nonce', createNonce],
  ])('%s carries at least 128 bits and is fresh', (_label, create) => {
    const first = create();
    const second = create();

    // 22 base64url characters hold 132 bits.
    expect(first.length).toBeGreaterThanOrEqual(22);
    expect(Buffer.from(first, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(first).toMatch(UNRESERVED);
    expect(first).not.toBe(second);
  });
});
