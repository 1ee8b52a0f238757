import { describe, expect, it } from 'vitest';
import { formatRelative } from '../../../main/tokens/claims-time';
import { actorChain, explainClaims, MAX_ACTOR_DEPTH } from '../../../main/tokens/explain';
import type { JsonObject } from '../../../main/tokens/json';

const NOW = new Date('2026-03-01T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

const byClaim = (payload: JsonObject, now = NOW) =>
  Object.fromEntries(explainClaims(payload, now).map((entry) => [entry.claim, entry]));

/** Builds `{ act: { sub: 'agent-1', act: { sub: 'agent-2', … } } }` with `depth` levels. */
function nestedActors(depth: number): JsonObject {
  let act: JsonObject | undefined;
  for (let level = depth; level >= 1; level--) {
    act = act === undefined ? { sub: `agent-${level}` } : { sub: `agent-${level}`, act };
  }
  return act === undefined ? {} : { sub: 'user-1', act };
}

describe('formatRelative', () => {
  it.each([
    [nowSeconds + 12 * 60, 'in 12 min'],
    [nowSeconds - 3 * 3600, '3 h ago'],
    [nowSeconds - 3 * 3600 - 1799, '3 h ago'],
    [nowSeconds + 45, 'in 45 s'],
    [nowSeconds + 2, 'just now'],
    [nowSeconds - 5 * 86400, '5 d ago'],
    [nowSeconds + 47 * 3600, 'in 47 h'],
  ])('shows %d as "%s"', (target, text) => {
    expect(formatRelative(target, nowSeconds)).toBe(text);
  });
});

describe('explainClaims', () => {
  it('explains standard and WSO2 claims, standard ones first, in a fixed order', () => {
    const payload: JsonObject = {
      custom: 'x',
      org_handle: 'child-org-1',
      sub: '7a1b7d63',
      iss: 'https://localhost:9443/t/root.com/oauth2/token',
      aut: 'AGENT',
    };

    const entries = explainClaims(payload, NOW);

    expect(entries.map((e) => [e.claim, e.origin])).toEqual([
      ['iss', 'standard'],
      ['sub', 'standard'],
      ['aut', 'wso2'],
      ['org_handle', 'wso2'],
      ['custom', 'other'],
    ]);
    expect(entries[2]!.meaning).toMatch(/AI agent/);
    expect(entries[4]!.meaning).toBe('Not a standard or WSO2 claim.');
  });

  it.each([
    ['AGENT', /AI agent acting with its own identity/],
    ['APPLICATION', /application acting for itself/],
    ['APPLICATION_USER', /acting for a signed-in user/],
    ['SOMETHING_ELSE', /^Authorized type: what kind/],
  ])('gives aut=%s its meaning', (aut, meaning) => {
    expect(byClaim({ aut }).aut!.meaning).toMatch(meaning);
  });

  it('shows times as ISO date and relative time from the injected clock', () => {
    const entries = byClaim({ exp: nowSeconds + 12 * 60, iat: nowSeconds - 3 * 3600 });

    expect(entries.exp!.display).toBe('2026-03-01T12:12:00.000Z (in 12 min)');
    expect(entries.iat!.display).toBe('2026-03-01T09:00:00.000Z (3 h ago)');

    const later = byClaim({ exp: nowSeconds + 12 * 60 }, new Date(NOW.getTime() + 60 * 60_000));
    expect(later.exp!.display).toBe('2026-03-01T12:12:00.000Z (48 min ago)');
  });

  it('flags absurd and non-numeric times instead of showing a date', () => {
    const entries = byClaim({ exp: Infinity, nbf: -5, iat: '1760000000' });

    expect(entries.exp!.problem).toBe('absurd: not a finite number');
    expect(entries.exp!.display).toBe('Infinity (absurd: not a finite number)');
    expect(entries.nbf!.problem).toBe('absurd: negative');
    expect(entries.iat!.problem).toBe('not a number');
  });

  it('splits scope into a list and lists aud', () => {
    const entries = byClaim({ scope: ' read_bookings  openid ', aud: ['a', 'b'] });

    expect(entries.scope!.items).toEqual(['read_bookings', 'openid']);
    expect(entries.scope!.display).toBe('read_bookings, openid');
    expect(entries.aud!.items).toEqual(['a', 'b']);
  });

  it('summarises act by its current actor', () => {
    expect(byClaim({ act: { sub: 'agent-7' } }).act!.display).toBe('acting party: agent-7');
  });
});

describe('actorChain', () => {
  it('labels only the outermost actor as current', () => {
    const chain = actorChain(nestedActors(3));

    expect(chain.links).toEqual([
      { depth: 1, sub: 'agent-1', label: 'current actor', flags: [] },
      { depth: 2, sub: 'agent-2', label: 'prior (informational)', flags: [] },
      { depth: 3, sub: 'agent-3', label: 'prior (informational)', flags: [] },
    ]);
    expect(chain.truncated).toBe(false);
    expect(chain.warnings).toEqual([]);
  });

  it('truncates a 10-deep chain at 8 with a warning', () => {
    const chain = actorChain(nestedActors(10));

    expect(MAX_ACTOR_DEPTH).toBe(8);
    expect(chain.links).toHaveLength(8);
    expect(chain.links.at(-1)!.sub).toBe('agent-8');
    expect(chain.truncated).toBe(true);
    expect(chain.warnings).toEqual(['actor chain is deeper than 8; the rest is not shown']);
  });

  it('does not truncate a chain of exactly 8', () => {
    const chain = actorChain(nestedActors(8));

    expect(chain.links).toHaveLength(8);
    expect(chain.truncated).toBe(false);
  });

  it('flags exp, aud and nbf inside act, and a missing sub', () => {
    const chain = actorChain({ act: { sub: 'a', exp: 1, aud: 'x', act: { nbf: 2 } } });

    expect(chain.links.map((l) => l.flags)).toEqual([
      ['has_exp', 'has_aud'],
      ['has_nbf', 'missing_sub'],
    ]);
    expect(chain.warnings).toHaveLength(2);
  });

  it('stops at an act that is not an object', () => {
    const chain = actorChain({ act: { sub: 'a', act: 'impersonator' } });

    expect(chain.links[1]).toEqual({
      depth: 2,
      sub: null,
      label: 'prior (informational)',
      flags: ['not_an_object'],
    });
    expect(chain.truncated).toBe(false);
  });

  it('returns an empty chain without act', () => {
    expect(actorChain({ sub: 'x' })).toEqual({ links: [], truncated: false, warnings: [] });
  });
});
