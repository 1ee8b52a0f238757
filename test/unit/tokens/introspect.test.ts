import { describe, expect, it, vi } from 'vitest';
import { introspectToken, parseIntrospection } from '../../../main/tokens/introspect';

const active = {
  aut: 'APPLICATION_USER',
  nbf: 1629961093,
  scope: 'openid profile',
  active: true,
  token_type: 'Bearer',
  exp: 1629968693,
  iat: 1629961093,
  client_id: 'Wsoq8t4nHW80gSnPfyDvRbiC__Eb',
  username: 'alice',
};

describe('parseIntrospection', () => {
  it('accepts the documented WSO2 sample and keeps unknown fields', () => {
    const result = parseIntrospection({ ...active, binding_type: 'cookie', org_id: 'b028' });

    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.username).toBe('alice');
      expect(result.value.org_id).toBe('b028');
      expect(result.value.binding_type).toBe('cookie');
    }
  });

  it('accepts an inactive token answer', () => {
    expect(parseIntrospection({ active: false })).toEqual({ ok: true, value: { active: false } });
  });

  it.each([
    [{}, 'active'],
    [{ active: 'true' }, 'active'],
    [{ active: true, exp: '1629968693' }, 'exp'],
    [{ active: true, aud: [1] }, 'aud'],
    [{ active: true, act: { sub: 'x' } }, 'act'],
    ['<html>', '(root)'],
  ])('names the failing field of %j', (body, field) => {
    const result = parseIntrospection(body);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
  });

  it('does not let a __proto__ field reach any prototype', () => {
    const body: unknown = JSON.parse('{"active":true,"__proto__":{"isAdmin":true}}');

    const result = parseIntrospection(body);

    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('introspectToken', () => {
  it('posts the token and the type hint as a form', async () => {
    const post = vi.fn(() => Promise.resolve<unknown>({ active: false }));

    const result = await introspectToken({
      token: 'opaque-1',
      tokenTypeHint: 'refresh_token',
      post,
    });

    expect(post).toHaveBeenCalledWith({ token: 'opaque-1', token_type_hint: 'refresh_token' });
    expect(result).toEqual({ ok: true, value: { active: false } });
  });
});
