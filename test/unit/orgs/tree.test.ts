import { describe, expect, it } from 'vitest';
import { graftSubtree } from '../../../main/orgs/graft';
import { fromSnapshot, toSnapshot, treeSnapshotSchema } from '../../../main/orgs/snapshot';
import { OrgTree, ROOT_SLOT, type OrgInput } from '../../../main/orgs/tree';
import { orgId } from './support';

const ROOT = { id: orgId(0), name: 'Root', orgHandle: 'carbon.super' };

function org(n: number, extra: Partial<OrgInput> = {}): OrgInput {
  return { id: orgId(n), name: `Org ${n}`, orgHandle: `org-${n}`, status: 'ACTIVE', ...extra };
}

/** Root → 1 (→ 11, 12 (→ 121)), 2. */
function sample(): OrgTree {
  const tree = new OrgTree(ROOT);
  tree.setChildren('', [org(1), org(2, { hasChildren: false })]);
  tree.setChildren(orgId(1), [org(11, { hasChildren: false }), org(12)]);
  tree.setChildren(orgId(12), [org(121, { status: 'DISABLED', hasChildren: false })]);
  return tree;
}

const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

describe('OrgTree', () => {
  it('keeps children in server order with depth, parent and flags', () => {
    const tree = sample();
    expect(tree.size).toBe(5);
    expect(ids(tree.children(''))).toEqual([orgId(1), orgId(2)]);
    expect(tree.get(orgId(121))).toEqual({
      id: orgId(121),
      name: 'Org 121',
      orgHandle: 'org-121',
      status: 'DISABLED',
      parentId: orgId(12),
      hasChildren: false,
      depth: 3,
      childrenLoaded: false,
      childCount: 0,
    });
    expect(tree.get(orgId(1))).toMatchObject({
      parentId: null,
      depth: 1,
      childrenLoaded: true,
      childCount: 2,
    });
    expect(tree.get(orgId(0))).toMatchObject({ depth: 0, childCount: 2 });
    expect(tree.ancestors(orgId(121)).map((a) => a.name)).toEqual(['Org 1', 'Org 12']);
  });

  it('ignores an organization already in the tree, so repeats cannot form cycles', () => {
    const tree = sample();
    expect(tree.appendChild(tree.slotOf(orgId(121))!, org(1))).toBeUndefined();
    expect(tree.appendChild(ROOT_SLOT, org(0))).toBeUndefined();
    tree.setChildren(orgId(121), [org(1), org(12)]);
    expect(tree.children(orgId(121))).toEqual([]);
    expect(tree.size).toBe(5);
  });

  it('replaces children: drops the gone with their subtrees, keeps the kept with theirs', () => {
    const tree = sample();
    const before = tree.version;
    tree.setChildren(orgId(1), [org(13), org(12, { name: 'Renamed' })]);
    expect(ids(tree.children(orgId(1)))).toEqual([orgId(13), orgId(12)]);
    expect(tree.has(orgId(11))).toBe(false);
    expect(tree.get(orgId(12))!.name).toBe('Renamed');
    expect(ids(tree.children(orgId(12)))).toEqual([orgId(121)]);
    expect(tree.size).toBe(5);
    expect(tree.version).toBeGreaterThan(before);

    tree.setChildren('', [org(2)]);
    expect(tree.size).toBe(1);
    for (const gone of [1, 12, 13, 121]) expect(tree.has(orgId(gone))).toBe(false);
  });

  it('moves an organization reported under a new parent, with its subtree depths', () => {
    const tree = sample();
    tree.setChildren(orgId(2), [org(12)]);
    expect(ids(tree.children(orgId(1)))).toEqual([orgId(11)]);
    expect(tree.get(orgId(1))!.childCount).toBe(1);
    expect(tree.get(orgId(12))).toMatchObject({ parentId: orgId(2), depth: 2 });
    expect(tree.get(orgId(121))!.depth).toBe(3);
  });

  it('reuses freed slots', () => {
    const tree = sample();
    const slots = tree.slotCount;
    tree.clearChildren(orgId(1));
    expect(tree.get(orgId(1))).toMatchObject({ childrenLoaded: false, childCount: 0 });
    tree.setChildren(orgId(2), [org(31), org(32), org(33)]);
    expect(tree.slotCount).toBe(slots);
    expect(tree.size).toBe(5);
  });

  it('grafts a staging tree under an organization', () => {
    const tree = sample();
    const staging = new OrgTree({ id: orgId(1), name: 'Org 1', orgHandle: 'org-1' });
    staging.setChildren(orgId(1), [org(14), org(15)]);
    staging.setChildren(orgId(15), [org(151, { hasChildren: false })]);
    graftSubtree(tree, orgId(1), staging);
    expect(ids(tree.children(orgId(1)))).toEqual([orgId(14), orgId(15)]);
    expect(tree.get(orgId(151))).toMatchObject({ depth: 3, parentId: orgId(15) });
    expect(tree.has(orgId(121))).toBe(false);
    expect(tree.get(orgId(1))!.childrenLoaded).toBe(true);
  });

  it('visits descendants depth-first in order', () => {
    const visited: string[] = [];
    const tree = sample();
    tree.forEachDescendant(ROOT_SLOT, (slot) => visited.push(tree.idAt(slot)));
    expect(visited).toEqual([1, 11, 12, 121, 2].map(orgId));
  });
});

describe('tree snapshots', () => {
  it('round-trip structure and flags', () => {
    const tree = sample();
    const snapshot = treeSnapshotSchema.parse(JSON.parse(JSON.stringify(toSnapshot(tree))));
    const copy = fromSnapshot(snapshot);
    expect(copy.size).toBe(tree.size);
    for (const n of [1, 2, 11, 12, 121]) expect(copy.get(orgId(n))).toEqual(tree.get(orgId(n)));
    expect(copy.root).toEqual(tree.root);
  });

  it('refuses columns of different lengths and forward parent references', () => {
    const snapshot = toSnapshot(sample());
    const short = treeSnapshotSchema.safeParse({ ...snapshot, names: snapshot.names.slice(1) });
    expect(short.success).toBe(false);
    expect(short.error!.issues[0]!.path).toEqual(['names']);
    const forward = treeSnapshotSchema.safeParse({
      ...snapshot,
      parents: [1, ...snapshot.parents.slice(1)],
    });
    expect(forward.error!.issues[0]!.path).toEqual(['parents', 0]);
  });
});
