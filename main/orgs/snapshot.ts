/**
 * The tree's serialized form for the offline cache: columns in depth-first pre-order, each
 * entry's parent given as an earlier index (-1 for the root organization), so loading is one
 * pass of appends and a corrupt file cannot describe a cycle.
 */
import { z } from 'zod';
import { OrgTree, ROOT_SLOT, TREE_FLAGS } from './tree';

const FLAG_MASK = TREE_FLAGS.HAS_CHILDREN | TREE_FLAGS.CHILDREN_LOADED | TREE_FLAGS.DISABLED;

export const treeSnapshotSchema = z
  .object({
    root: z.object({ id: z.string(), name: z.string(), orgHandle: z.string() }),
    rootFlags: z.number().int().min(0).max(FLAG_MASK),
    ids: z.array(z.string().min(1)),
    names: z.array(z.string()),
    handles: z.array(z.string()),
    parents: z.array(z.number().int().min(-1)),
    flags: z.array(z.number().int().min(0).max(FLAG_MASK)),
  })
  .superRefine((snapshot, context) => {
    const length = snapshot.ids.length;
    for (const column of ['names', 'handles', 'parents', 'flags'] as const) {
      if (snapshot[column].length !== length) {
        context.addIssue({ code: 'custom', path: [column], message: `expected ${length} entries` });
      }
    }
    const index = snapshot.parents.findIndex((parent, at) => parent >= at);
    if (index !== -1) {
      context.addIssue({
        code: 'custom',
        path: ['parents', index],
        message: 'parent must come first',
      });
    }
  });
export type TreeSnapshot = z.infer<typeof treeSnapshotSchema>;

export function toSnapshot(tree: OrgTree): TreeSnapshot {
  const snapshot: TreeSnapshot = {
    root: tree.root,
    rootFlags: tree.flagsAt(ROOT_SLOT),
    ids: [],
    names: [],
    handles: [],
    parents: [],
    flags: [],
  };
  const position = new Int32Array(tree.slotCount).fill(-1);
  tree.forEachDescendant(ROOT_SLOT, (slot) => {
    const parent = tree.parentAt(slot);
    position[slot] = snapshot.ids.length;
    snapshot.ids.push(tree.idAt(slot));
    snapshot.names.push(tree.nameAt(slot));
    snapshot.handles.push(tree.handleAt(slot));
    snapshot.parents.push(parent === ROOT_SLOT ? -1 : position[parent]!);
    snapshot.flags.push(tree.flagsAt(slot));
  });
  return snapshot;
}

/** Rebuilds a tree from a validated snapshot; repeated ids (and their subtrees) are dropped. */
export function fromSnapshot(snapshot: TreeSnapshot): OrgTree {
  const tree = new OrgTree(snapshot.root, snapshot.ids.length + 1);
  tree.setFlags(ROOT_SLOT, snapshot.rootFlags);
  const slots = new Int32Array(snapshot.ids.length).fill(-1);
  for (let at = 0; at < snapshot.ids.length; at += 1) {
    const parentAt = snapshot.parents[at]!;
    const parent = parentAt === -1 ? ROOT_SLOT : slots[parentAt]!;
    if (parent === -1) continue;
    const flags = snapshot.flags[at]!;
    const slot = tree.appendChild(parent, {
      id: snapshot.ids[at]!,
      name: snapshot.names[at]!,
      orgHandle: snapshot.handles[at]!,
      status: flags & TREE_FLAGS.DISABLED ? 'DISABLED' : 'ACTIVE',
    });
    if (slot === undefined) continue;
    slots[at] = slot;
    tree.setFlags(slot, flags);
  }
  return tree;
}
