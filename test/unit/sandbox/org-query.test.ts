import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDemoState } from '../../../main/sandbox/data/demo';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { generateState } from '../../../main/sandbox/data/generate';
import type { Org } from '../../../main/sandbox/model';
import { buildOrg } from '../../../main/sandbox/orgs/factory';
import { parseOrgFilter } from '../../../main/sandbox/orgs/filter';
import { OrgLister, type OrgListRequest } from '../../../main/sandbox/orgs/query';
import type { SandboxState } from '../../../main/sandbox/state';

const NOW = Date.UTC(2026, 11, 1);

function newestFirst(orgs: Iterable<Org>): Org[] {
  return [...orgs].sort((a, b) => b.createdMicros - a.createdMicros);
}

function allDescendants(state: SandboxState, orgId: string): Org[] {
  return newestFirst([...state.orgs.values()].filter((o) => state.isDescendantOf(o.id, orgId)));
}

/** Follows `after` cursors to the end, then `before` cursors back to the start. */
function walk(lister: OrgLister, base: Omit<OrgListRequest, 'limit'>, limit: number) {
  const forward: Org[][] = [];
  let page = lister.page({ ...base, limit });
  forward.push(page.organizations);
  expect(page.hasPrevious).toBe(false);
  while (page.hasNext) {
    const last = page.organizations[page.organizations.length - 1]!;
    page = lister.page({ ...base, limit, after: { micros: last.createdMicros, extraNanos: 0 } });
    expect(page.hasPrevious).toBe(true);
    forward.push(page.organizations);
  }
  const backward: Org[][] = [page.organizations];
  while (page.hasPrevious) {
    const first = page.organizations[0]!;
    page = lister.page({ ...base, limit, before: { micros: first.createdMicros, extraNanos: 0 } });
    expect(page.hasNext).toBe(true);
    backward.unshift(page.organizations);
  }
  return { forward, backward };
}

describe('organization list pages', () => {
  const state = generateState({ orgs: 1500, depth: 3, seed: 11 }, NOW);
  const lister = new OrgLister(state);
  const root = state.rootOrgId;

  it.each([
    ['immediate children', false],
    ['all descendants', true],
  ])('walks %s forward and back over the same set', (_label, recursive) => {
    const expected = recursive ? allDescendants(state, root) : newestFirst(state.children(root));
    const { forward, backward } = walk(
      lister,
      { callingOrgId: root, recursive, conditions: [] },
      7,
    );
    expect(forward.flat().map((o) => o.id)).toEqual(expected.map((o) => o.id));
    expect(backward.flat().map((o) => o.id)).toEqual(expected.map((o) => o.id));
    expect(forward.every((p) => p.length <= 7 && p.length > 0)).toBe(true);
  });

  it('matches a brute-force scan for any cursor, limit and direction', () => {
    const all = allDescendants(state, root);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: all.length - 1 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (index, limit, backwards) => {
          const cursor = { micros: all[index]!.createdMicros, extraNanos: 0 };
          const page = lister.page({
            callingOrgId: root,
            recursive: true,
            limit,
            conditions: [],
            ...(backwards ? { before: cursor } : { after: cursor }),
          });
          const expected = backwards
            ? all.slice(Math.max(0, index - limit), index)
            : all.slice(index + 1, index + 1 + limit);
          expect(page.organizations.map((o) => o.id)).toEqual(expected.map((o) => o.id));
        },
      ),
    );
  });

  it('pages filtered results without skipping or repeating', () => {
    const conditions = parseOrgFilter('name co e and status eq ACTIVE');
    const expected = allDescendants(state, root).filter((o) => o.name.includes('e'));
    const { forward } = walk(lister, { callingOrgId: root, recursive: true, conditions }, 9);
    expect(forward.flat().map((o) => o.id)).toEqual(expected.map((o) => o.id));
  });

  it('narrows to the children of parentId, only inside the calling organization', () => {
    const parent = state.children(root)[0]!;
    const conditions = parseOrgFilter(`parentId eq '${parent.id}'`);
    const page = lister.page({ callingOrgId: root, recursive: false, limit: 100, conditions });
    expect(page.organizations.map((o) => o.id)).toEqual(state.children(parent.id).map((o) => o.id));
    const sibling = state.children(root)[1]!;
    const outside = lister.page({
      callingOrgId: sibling.id,
      recursive: false,
      limit: 100,
      conditions,
    });
    expect(outside.organizations).toEqual([]);
  });
});

describe('recursive list cache', () => {
  it('sees organizations added after the first listing', () => {
    const state = buildDemoState(NOW);
    const lister = new OrgLister(state);
    const request = {
      callingOrgId: DEMO.orgs.business,
      recursive: true,
      limit: 100,
      conditions: [],
    };
    const before = lister.page(request).organizations.length;
    state.addOrg(
      buildOrg({
        id: 'c0ffee00-0000-4000-8000-000000000001',
        name: 'Lisbon',
        orgHandle: 'business-lisbon',
        parentId: DEMO.orgs.businessEurope,
        createdMicros: state.nextCreatedMicros(NOW + 1),
      }),
    );
    const after = lister.page(request).organizations;
    expect(after).toHaveLength(before + 1);
    expect(after[0]!.name).toBe('Lisbon');
  });
});
