/**
 * The in-memory organization tree, laid out for 100 000+ organizations: one slot per
 * organization in parallel arrays (strings in plain arrays, links and flags in typed arrays),
 * children as first-child/next-sibling lists in server order, and one id → slot map. Nothing
 * is allocated per node beyond its strings; `OrgNode` views are built only when asked for.
 *
 * Slot 0 is the root organization (the tenant the profile signs in to); its children are the
 * root-level organizations with depth 1, matching `depthFromRoot` of the sharing API.
 */
import type { OrgStatus } from '../wso2/organizations';
import { grownInt32, grownUint16, grownUint8 } from './typed-arrays';

export const ROOT_SLOT = 0;
const NONE = -1;

const HAS_CHILDREN = 1;
const CHILDREN_LOADED = 2;
const DISABLED = 4;

/** What the tree needs of an organization from the list API. */
export interface OrgInput {
  id: string;
  name: string;
  orgHandle: string;
  status: OrgStatus;
  /** Unknown (absent) is treated as "may have children". */
  hasChildren?: boolean | undefined;
}

/** A read-only view of one organization, built on demand. */
export interface OrgNode {
  id: string;
  name: string;
  orgHandle: string;
  status: OrgStatus;
  /** Parent organization id; `null` for root-level organizations and for the root itself. */
  parentId: string | null;
  hasChildren: boolean;
  /** 0 for the root organization, 1 for root-level organizations. */
  depth: number;
  /** Whether the children list has been fetched (lazily or by a sync). */
  childrenLoaded: boolean;
  childCount: number;
}

export interface RootInfo {
  /** The root organization's id when known; `''` otherwise. */
  id: string;
  name: string;
  orgHandle: string;
}

export class OrgTree {
  readonly #ids: string[] = [];
  readonly #names: string[] = [];
  readonly #handles: string[] = [];
  #parent: Int32Array;
  #first: Int32Array;
  #last: Int32Array;
  #next: Int32Array;
  #childCount: Int32Array;
  #depth: Uint16Array;
  #flags: Uint8Array;
  readonly #slots = new Map<string, number>();
  readonly #free: number[] = [];
  #live = 0;
  #version = 0;

  constructor(root: RootInfo, capacity = 1024) {
    const size = Math.max(capacity, 16);
    this.#parent = new Int32Array(size).fill(NONE);
    this.#first = new Int32Array(size).fill(NONE);
    this.#last = new Int32Array(size).fill(NONE);
    this.#next = new Int32Array(size).fill(NONE);
    this.#childCount = new Int32Array(size);
    this.#depth = new Uint16Array(size);
    this.#flags = new Uint8Array(size);
    this.#ids.push(root.id.toLowerCase());
    this.#names.push(root.name);
    this.#handles.push(root.orgHandle);
    this.#flags[ROOT_SLOT] = HAS_CHILDREN;
    if (root.id !== '') this.#slots.set(root.id.toLowerCase(), ROOT_SLOT);
    this.#live = 1;
  }

  /** Organizations in the tree, not counting the root. */
  get size(): number {
    return this.#live - 1;
  }

  /** Grows on every change; caches derived from the tree (the search index) compare it. */
  get version(): number {
    return this.#version;
  }

  /** Slots ever allocated (live or free); slot numbers are below this. */
  get slotCount(): number {
    return this.#ids.length;
  }

  get root(): RootInfo {
    return {
      id: this.#ids[ROOT_SLOT]!,
      name: this.#names[ROOT_SLOT]!,
      orgHandle: this.#handles[ROOT_SLOT]!,
    };
  }

  /** The slot of an organization id (`''` or the root's id give the root), if present. */
  slotOf(id: string): number | undefined {
    if (id === '' || id === this.#ids[ROOT_SLOT]) return ROOT_SLOT;
    return this.#slots.get(id) ?? this.#slots.get(id.toLowerCase());
  }

  has(id: string): boolean {
    return this.slotOf(id) !== undefined;
  }

  get(id: string): OrgNode | undefined {
    const slot = this.slotOf(id);
    return slot === undefined ? undefined : this.nodeAt(slot);
  }

  nodeAt(slot: number): OrgNode {
    const flags = this.#flags[slot]!;
    const parent = this.#parent[slot]!;
    return {
      id: this.#ids[slot]!,
      name: this.#names[slot]!,
      orgHandle: this.#handles[slot]!,
      status: flags & DISABLED ? 'DISABLED' : 'ACTIVE',
      parentId: parent === NONE || parent === ROOT_SLOT ? null : this.#ids[parent]!,
      hasChildren: (flags & HAS_CHILDREN) !== 0,
      depth: this.#depth[slot]!,
      childrenLoaded: (flags & CHILDREN_LOADED) !== 0,
      childCount: this.#childCount[slot]!,
    };
  }

  idAt(slot: number): string {
    return this.#ids[slot]!;
  }
  nameAt(slot: number): string {
    return this.#names[slot]!;
  }
  handleAt(slot: number): string {
    return this.#handles[slot]!;
  }
  parentAt(slot: number): number {
    return this.#parent[slot]!;
  }
  flagsAt(slot: number): number {
    return this.#flags[slot]!;
  }

  /** Children of `id` in server order (empty when unknown or not loaded). */
  children(id: string): OrgNode[] {
    const slot = this.slotOf(id);
    if (slot === undefined) return [];
    const out: OrgNode[] = [];
    for (let child = this.#first[slot]!; child !== NONE; child = this.#next[child]!) {
      out.push(this.nodeAt(child));
    }
    return out;
  }

  /** Ancestors of `id`, root-level first, excluding the root organization and `id` itself. */
  ancestors(id: string): { id: string; name: string }[] {
    const slot = this.slotOf(id);
    if (slot === undefined) return [];
    return this.ancestorsOfSlot(slot);
  }

  ancestorsOfSlot(slot: number): { id: string; name: string }[] {
    const path: { id: string; name: string }[] = [];
    for (let at = this.#parent[slot]!; at !== NONE && at !== ROOT_SLOT; at = this.#parent[at]!) {
      path.push({ id: this.#ids[at]!, name: this.#names[at]! });
    }
    return path.reverse();
  }

  /** Visits live slots below `slot` (excluded) in depth-first pre-order, children in order. */
  forEachDescendant(slot: number, visit: (slot: number) => void): void {
    const stack: number[] = [];
    this.#pushChildren(stack, slot);
    while (stack.length > 0) {
      const at = stack.pop()!;
      visit(at);
      this.#pushChildren(stack, at);
    }
  }

  /** Pushes the children of `slot` so that the first child is popped first. */
  #pushChildren(stack: number[], slot: number): void {
    const from = stack.length;
    for (let child = this.#first[slot]!; child !== NONE; child = this.#next[child]!) {
      stack.push(child);
    }
    reverseTail(stack, from);
  }

  /**
   * Appends one child during a fresh build (sync, cache load). Returns its slot, or `undefined`
   * when the id is already in the tree: a server that repeats an organization cannot create a
   * cycle or a duplicate.
   */
  appendChild(parentSlot: number, org: OrgInput): number | undefined {
    const key = org.id.toLowerCase();
    if (this.#slots.has(key) || key === this.#ids[ROOT_SLOT]) return undefined;
    const slot = this.#allocate(key, org);
    this.#link(parentSlot, slot);
    this.#version += 1;
    return slot;
  }

  /** Marks a parent's children list as fully fetched. */
  markChildrenLoaded(slot: number): void {
    this.#flags[slot]! |= CHILDREN_LOADED;
    if (this.#childCount[slot] === 0) this.#flags[slot]! &= ~HAS_CHILDREN;
    else this.#flags[slot]! |= HAS_CHILDREN;
    this.#version += 1;
  }

  /** Restores flags read from a cache snapshot. */
  setFlags(slot: number, flags: number): void {
    this.#flags[slot] = flags & (HAS_CHILDREN | CHILDREN_LOADED | DISABLED);
    this.#version += 1;
  }

  /**
   * Replaces the children of `parentId` with `orgs` (a complete, fresh listing). Children that
   * are gone lose their subtrees; children that stay keep theirs and get their fields updated.
   */
  setChildren(parentId: string, orgs: readonly OrgInput[]): void {
    const parent = this.slotOf(parentId);
    if (parent === undefined) throw new Error('unknown parent organization');
    const keep = new Set(orgs.map((org) => org.id.toLowerCase()));
    for (let child = this.#first[parent]!; child !== NONE;) {
      const following = this.#next[child]!;
      if (!keep.has(this.#ids[child]!)) this.#release(child);
      child = following;
    }
    this.#first[parent] = NONE;
    this.#last[parent] = NONE;
    this.#childCount[parent] = 0;
    const placed = new Set<number>();
    for (const org of orgs) {
      const key = org.id.toLowerCase();
      const existing = this.#slots.get(key);
      if (existing === undefined) {
        const slot = this.#allocate(key, org);
        this.#link(parent, slot);
        placed.add(slot);
        continue;
      }
      if (placed.has(existing) || this.#isAncestorOrSelf(existing, parent)) continue;
      const moved = this.#parent[existing] !== parent;
      if (moved) this.#unlink(existing);
      this.#update(existing, org);
      this.#link(parent, existing);
      placed.add(existing);
      if (moved) this.#refreshDepths(existing);
    }
    this.markChildrenLoaded(parent);
  }

  /** Removes every descendant of `id` and marks its children as not loaded. */
  clearChildren(id: string): void {
    const slot = this.slotOf(id);
    if (slot === undefined) return;
    for (let child = this.#first[slot]!; child !== NONE;) {
      const following = this.#next[child]!;
      this.#release(child);
      child = following;
    }
    this.#first[slot] = NONE;
    this.#last[slot] = NONE;
    this.#childCount[slot] = 0;
    this.#flags[slot]! &= ~CHILDREN_LOADED;
    this.#version += 1;
  }

  #allocate(key: string, org: OrgInput): number {
    let slot = this.#free.pop();
    if (slot === undefined) {
      slot = this.#ids.length;
      this.#ids.push(key);
      this.#names.push(org.name);
      this.#handles.push(org.orgHandle);
      if (slot >= this.#parent.length) this.#grow(slot + 1);
    } else {
      this.#ids[slot] = key;
    }
    this.#first[slot] = NONE;
    this.#last[slot] = NONE;
    this.#next[slot] = NONE;
    this.#childCount[slot] = 0;
    this.#update(slot, org);
    this.#slots.set(key, slot);
    this.#live += 1;
    return slot;
  }

  #update(slot: number, org: OrgInput): void {
    this.#names[slot] = org.name;
    this.#handles[slot] = org.orgHandle;
    const loaded = this.#flags[slot]! & CHILDREN_LOADED;
    let flags = org.hasChildren === false ? 0 : HAS_CHILDREN;
    if (org.status === 'DISABLED') flags |= DISABLED;
    this.#flags[slot] = flags | loaded;
  }

  #link(parent: number, slot: number): void {
    this.#parent[slot] = parent;
    this.#next[slot] = NONE;
    this.#depth[slot] = this.#depth[parent]! + 1;
    const last = this.#last[parent]!;
    if (last === NONE) this.#first[parent] = slot;
    else this.#next[last] = slot;
    this.#last[parent] = slot;
    this.#childCount[parent]! += 1;
  }

  /** Detaches `slot` from its parent's list (rare: an organization reported under a new parent). */
  #unlink(slot: number): void {
    const parent = this.#parent[slot]!;
    if (parent === NONE) return;
    let previous = NONE;
    for (let at = this.#first[parent]!; at !== NONE; at = this.#next[at]!) {
      if (at === slot) {
        if (previous === NONE) this.#first[parent] = this.#next[at]!;
        else this.#next[previous] = this.#next[at]!;
        if (this.#last[parent] === at) this.#last[parent] = previous;
        this.#childCount[parent]! -= 1;
        break;
      }
      previous = at;
    }
    this.#parent[slot] = NONE;
  }

  #isAncestorOrSelf(candidate: number, slot: number): boolean {
    for (let at = slot; at !== NONE; at = this.#parent[at]!) if (at === candidate) return true;
    return false;
  }

  #refreshDepths(slot: number): void {
    this.forEachDescendant(slot, (at) => {
      this.#depth[at] = this.#depth[this.#parent[at]!]! + 1;
    });
  }

  /** Frees `slot` and its whole subtree (the caller fixes the parent's list). */
  #release(slot: number): void {
    const doomed = [slot];
    this.forEachDescendant(slot, (at) => doomed.push(at));
    for (const at of doomed) {
      this.#slots.delete(this.#ids[at]!);
      this.#ids[at] = '';
      this.#names[at] = '';
      this.#handles[at] = '';
      this.#parent[at] = NONE;
      this.#first[at] = NONE;
      this.#last[at] = NONE;
      this.#next[at] = NONE;
      this.#childCount[at] = 0;
      this.#flags[at] = 0;
      this.#free.push(at);
      this.#live -= 1;
    }
    this.#version += 1;
  }

  #grow(minimum: number): void {
    let capacity = this.#parent.length;
    while (capacity < minimum) capacity *= 2;
    this.#parent = grownInt32(this.#parent, capacity);
    this.#first = grownInt32(this.#first, capacity);
    this.#last = grownInt32(this.#last, capacity);
    this.#next = grownInt32(this.#next, capacity);
    this.#childCount = grownInt32(this.#childCount, capacity, 0);
    this.#depth = grownUint16(this.#depth, capacity);
    this.#flags = grownUint8(this.#flags, capacity);
  }
}

export const TREE_FLAGS = { HAS_CHILDREN, CHILDREN_LOADED, DISABLED } as const;

function reverseTail(stack: number[], from: number): void {
  for (let i = from, j = stack.length - 1; i < j; i += 1, j -= 1) {
    const swap = stack[i]!;
    stack[i] = stack[j]!;
    stack[j] = swap;
  }
}
