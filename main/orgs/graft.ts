/**
 * Swapping a freshly fetched subtree into the tree: everything below the target is replaced by
 * the staging tree's content (the staging root stands for the target organization itself).
 */
import type { OrgTree } from './tree';
import { ROOT_SLOT, TREE_FLAGS } from './tree';

const { HAS_CHILDREN, CHILDREN_LOADED, DISABLED } = TREE_FLAGS;

/** Organizations that already sit elsewhere in `tree` are not duplicated. */
export function graftSubtree(tree: OrgTree, targetId: string, source: OrgTree): void {
  const target = tree.slotOf(targetId);
  if (target === undefined) throw new Error('unknown organization');
  tree.clearChildren(targetId);
  const mapped = new Int32Array(source.slotCount).fill(-1);
  mapped[ROOT_SLOT] = target;
  source.forEachDescendant(ROOT_SLOT, (from) => {
    const parent = mapped[source.parentAt(from)]!;
    if (parent === -1) return;
    const flags = source.flagsAt(from);
    const slot = tree.appendChild(parent, {
      id: source.idAt(from),
      name: source.nameAt(from),
      orgHandle: source.handleAt(from),
      status: flags & DISABLED ? 'DISABLED' : 'ACTIVE',
    });
    if (slot === undefined) return;
    mapped[from] = slot;
    tree.setFlags(slot, flags);
  });
  const own = tree.flagsAt(target) & DISABLED;
  tree.setFlags(target, own | (source.flagsAt(ROOT_SLOT) & (HAS_CHILDREN | CHILDREN_LOADED)));
}
