import { describe, expect, it } from 'vitest';
import { actorOf, createTokenStore, type NewToken } from '../../../main/flows/token-store';
import { AGENT, ISSUER, JWT_PATTERN, fakeJwt, uuid } from './support';

const ORG_A = uuid(0xa);
const ORG_B = uuid(0xb);

function token(organizationId: string | null, claims: Record<string, unknown>): NewToken {
  return {
    key: { issuer: ISSUER, organizationId, actor: AGENT },
    source: 'organization-switch',
    clientId: 'agent-login-app',
    response: { access_token: fakeJwt(claims), token_type: 'Bearer', expires_in: 600 },
    requestedScopes: ['tickets:read'],
    flowId: 'flow',
  };
}

describe('token store', () => {
  it('never answers a lookup for organization B with the token of organization A', () => {
    const store = createTokenStore({ clock: () => 1_000 });
    const a = store.put(token(ORG_A, { sub: AGENT, org_id: ORG_A }));

    expect(store.find({ issuer: ISSUER, organizationId: ORG_B, actor: AGENT })).toBeUndefined();
    expect(store.find({ issuer: ISSUER, organizationId: ORG_A, actor: AGENT })).toBe(a);
    expect(store.find({ issuer: ISSUER, organizationId: null, actor: AGENT })).toBeUndefined();
    expect(
      store.find({ issuer: `${ISSUER}x`, organizationId: ORG_A, actor: AGENT }),
    ).toBeUndefined();
    expect(store.find({ issuer: ISSUER, organizationId: ORG_A, actor: 'someone' })).toBeUndefined();

    const b = store.put(token(ORG_B, { sub: AGENT, org_id: ORG_B }));
    expect(store.find({ issuer: ISSUER, organizationId: ORG_B, actor: AGENT })).toBe(b);
    expect(b.accessToken).not.toBe(a.accessToken);
    expect(store.list()).toHaveLength(2);
  });

  it('keeps keys apart whose parts would run together into the same text', () => {
    const store = createTokenStore({ clock: () => 1_000 });
    const keys = [
      { issuer: 'ab', organizationId: null, actor: 'c' },
      { issuer: 'a', organizationId: null, actor: 'bc' },
      { issuer: 'a', organizationId: 'b', actor: 'c' },
      { issuer: 'a', organizationId: 'bc', actor: '' },
      { issuer: 'a', organizationId: null, actor: '1:bc' },
    ];
    const held = keys.map((key) => store.put({ ...token(null, { sub: AGENT }), key }));

    expect(store.list()).toHaveLength(keys.length);
    keys.forEach((key, i) => expect(store.find(key)).toBe(held[i]));
  });

  it('takes claims the caller decoded already instead of decoding again', () => {
    const store = createTokenStore({ clock: () => 1_000 });
    const claims = { sub: 'decoded-by-caller' };

    const held = store.put({ ...token(ORG_A, { sub: AGENT }), claims });

    expect(held.claims).toBe(claims);
  });

  it('matches organization ids case-insensitively and replaces the slot with a new ref', () => {
    const store = createTokenStore({ clock: () => 1_000 });
    const first = store.put(token(ORG_A.toUpperCase(), { sub: AGENT }));
    const second = store.put(token(ORG_A, { sub: AGENT }));

    expect(second.tokenRef).not.toBe(first.tokenRef);
    expect(store.get(first.tokenRef)).toBeUndefined();
    expect(store.list()).toEqual([second]);
    expect(store.remove(second.tokenRef)).toBe(second);
    expect(store.find(second.key)).toBeUndefined();
  });

  it('summarizes with claims and a masked preview, and copies only on request', () => {
    const store = createTokenStore({ clock: () => Date.UTC(2026, 0, 1) });
    const held = store.put(token(ORG_A, { sub: AGENT, org_id: ORG_A }));
    const summary = store.summarize(held);

    expect(summary).toMatchObject({
      organizationId: ORG_A,
      actor: AGENT,
      scopes: ['tickets:read'],
      obtainedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-01T00:10:00.000Z',
      claims: { sub: AGENT, org_id: ORG_A },
    });
    expect(summary.preview).toMatch(/^eyJ.{7}….{3} \(\d+ chars\)$/);
    expect(JWT_PATTERN.test(JSON.stringify(summary))).toBe(false);
    expect(store.copy(held.tokenRef)).toBe(held.accessToken);
  });

  it('names a delegated token by its agent and user, apart from the agent’s own token', () => {
    expect(actorOf({ sub: 'user-1', act: { sub: AGENT } }, 'x')).toBe(`${AGENT} for user-1`);
    expect(actorOf({ sub: AGENT }, 'x')).toBe(AGENT);
    expect(actorOf(null, 'fallback')).toBe('fallback');
  });
});
