import { describe, expect, it } from 'vitest';
import { diffTokens } from '../../../main/tokens/diff';
import type { JsonObject } from '../../../main/tokens/json';

const root: JsonObject = {
  iss: 'https://localhost:9443/t/root.com/oauth2/token',
  sub: 'agent-1',
  aut: 'AGENT',
  scope: 'read_bookings openid',
  org_id: 'root-org',
  org_handle: 'root.com',
  jti: 'a',
};

const switched: JsonObject = {
  ...root,
  scope: 'read_bookings',
  org_id: 'child-org',
  org_handle: 'child-org-1',
  agent_org: 'root-org',
  jti: 'b',
};

const obo: JsonObject = {
  ...switched,
  sub: 'user-9',
  aut: 'APPLICATION_USER',
  user_org: 'child-org',
  act: { sub: 'agent-1' },
};
delete obo.agent_org;

const changes = (a: JsonObject, b: JsonObject) =>
  Object.fromEntries(diffTokens(a, b).claims.map((c) => [c.claim, c.change]));

describe('diffTokens', () => {
  it('shows what an organization switch changes', () => {
    const diff = diffTokens(root, switched);

    expect(changes(root, switched)).toEqual({
      sub: 'same',
      aut: 'same',
      org_id: 'changed',
      org_handle: 'changed',
      scope: 'changed',
      iss: 'same',
      jti: 'changed',
      agent_org: 'added',
    });
    expect(diff.claims.find((c) => c.claim === 'scope')!.entries).toEqual({
      added: [],
      removed: ['openid'],
    });
    expect(diff.counts).toEqual({ added: 1, removed: 0, changed: 4, same: 3 });
  });

  it('shows what on-behalf-of adds, with the identity claims first and highlighted', () => {
    const diff = diffTokens(switched, obo);

    expect(diff.claims.slice(0, 6).map((c) => [c.claim, c.change, c.highlight])).toEqual([
      ['sub', 'changed', true],
      ['aut', 'changed', true],
      ['org_id', 'same', true],
      ['org_handle', 'same', true],
      ['act', 'added', true],
      ['scope', 'same', true],
    ]);
    expect(changes(switched, obo)).toMatchObject({ agent_org: 'removed', user_org: 'added' });
    expect(diff.claims.find((c) => c.claim === 'iss')!.highlight).toBe(false);
  });

  it('compares nested act deeply, ignoring key order', () => {
    const a: JsonObject = { act: { sub: 'agent-1', act: { sub: 'agent-0', x: [1, 2] } } };
    const reordered: JsonObject = { act: { act: { x: [1, 2], sub: 'agent-0' }, sub: 'agent-1' } };
    const deeper: JsonObject = { act: { sub: 'agent-1', act: { sub: 'agent-X', x: [1, 2] } } };

    expect(changes(a, reordered).act).toBe('same');
    expect(changes(a, deeper).act).toBe('changed');
  });

  it('treats scopes as sets and tells Infinity from null', () => {
    expect(changes({ scope: 'a b' }, { scope: 'b a' }).scope).toBe('same');
    expect(changes({ scope: 'a b' }, { scope: ['a', 'b'] }).scope).toBe('same');
    expect(changes({ exp: Infinity }, { exp: null }).exp).toBe('changed');
  });

  it('keeps before and after values for the UI', () => {
    const entry = diffTokens({ org_id: 'x' }, { org_id: 'y' }).claims[0]!;

    expect(entry).toEqual({
      claim: 'org_id',
      change: 'changed',
      before: 'x',
      after: 'y',
      highlight: true,
    });
  });
});
