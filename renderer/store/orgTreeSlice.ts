/**
 * The org tree's state: loaded organizations, which are expanded, per-parent loading and
 * errors, the selection, and requests for the tree view to move focus.
 */
import {
  emptyTreeData,
  parentKeyOf,
  withChildren,
  withoutNode,
  type OrgTreeData,
  type ParentKey,
} from '../features/orgs/orgIndex';
import {
  childrenSchema,
  describeSchemaError,
  type OrgNode,
  type SearchHit,
} from '../features/orgs/source';
import type { ChildLoad } from '../features/orgs/treeModel';
import type { FocusRequest } from '../features/orgs/useActiveRow';
import { toVisibleString } from '../ui/visibleText';
import { errorText } from './errorText';
import type { AppState, DepsSliceCreator } from './types';

export interface OrgTreeSlice {
  orgTree: OrgTreeData;
  expandedOrgs: ReadonlySet<string>;
  childLoads: ReadonlyMap<ParentKey, ChildLoad>;
  selectedOrgId: string | null;
  /** Asks the tree view to focus this organization (after a search hit was chosen). */
  treeFocusRequest: FocusRequest | null;
  /** Ancestors of the last revealed search hit, highlighted in the tree. */
  revealedPath: ReadonlySet<string>;
  loadChildren: (parentId: string | null) => Promise<void>;
  setOrgExpanded: (id: string, expanded: boolean) => void;
  expandSiblingOrgs: (id: string) => void;
  selectOrg: (id: string) => void;
  /** Reloads every loaded, expanded level in the background; the tree keeps its rows meanwhile. */
  refreshOrgTree: () => Promise<void>;
  removeOrg: (id: string) => void;
  revealOrg: (hit: SearchHit) => Promise<void>;
}

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V | undefined): Map<K, V> {
  const next = new Map(map);
  if (value === undefined) next.delete(key);
  else next.set(key, value);
  return next;
}

function withMembers(
  set: ReadonlySet<string>,
  ids: readonly string[],
  member: boolean,
): Set<string> {
  const next = new Set(set);
  for (const id of ids) {
    if (member) next.add(id);
    else next.delete(id);
  }
  return next;
}

function isExpandable(state: AppState, node: OrgNode): boolean {
  const loaded = state.orgTree.children.get(node.id);
  return loaded ? loaded.length > 0 : node.hasChildren;
}

function parentLabel(state: AppState, parentId: string | null): string {
  const node = parentId === null ? undefined : state.orgTree.nodes.get(parentId);
  return node ? toVisibleString(node.name) : 'the root organization';
}

export const createOrgTreeSlice: DepsSliceCreator<OrgTreeSlice> = (deps) => (set, get) => {
  const inFlight = new Map<ParentKey, Promise<void>>();
  let focusSeq = 0;

  const fetchChildren = async (parentId: string | null, key: ParentKey): Promise<void> => {
    set((state) => ({ childLoads: withEntry(state.childLoads, key, { status: 'loading' }) }));
    try {
      const parsed = childrenSchema.safeParse(await deps.orgSource.children(parentId));
      if (!parsed.success) throw new Error(`Unexpected data: ${describeSchemaError(parsed.error)}`);
      set((state) => {
        const childLoads = withEntry(state.childLoads, key, undefined);
        // The parent may have vanished in a refresh while its children were on the way.
        if (parentId !== null && !state.orgTree.nodes.has(parentId)) return { childLoads };
        return { childLoads, orgTree: withChildren(state.orgTree, parentId, parsed.data) };
      });
    } catch (error) {
      const message = errorText(error);
      set((state) => ({
        childLoads: withEntry(state.childLoads, key, { status: 'error', message }),
      }));
      get().announce(
        `Could not load organizations under ${parentLabel(get(), parentId)}: ${message}`,
      );
    }
  };

  const loadChildren = (parentId: string | null): Promise<void> => {
    const key = parentKeyOf(parentId);
    const pending = inFlight.get(key);
    if (pending) return pending;
    const job = fetchChildren(parentId, key).finally(() => inFlight.delete(key));
    inFlight.set(key, job);
    return job;
  };

  const expand = (ids: readonly string[]): void => {
    set((state) => ({ expandedOrgs: withMembers(state.expandedOrgs, ids, true) }));
    for (const id of ids) {
      if (!get().orgTree.children.has(id)) void loadChildren(id);
    }
  };

  return {
    orgTree: emptyTreeData(),
    expandedOrgs: new Set(),
    childLoads: new Map(),
    selectedOrgId: null,
    treeFocusRequest: null,
    revealedPath: new Set(),

    loadChildren,

    setOrgExpanded: (id, expanded) => {
      if (!expanded) {
        set((state) => ({ expandedOrgs: withMembers(state.expandedOrgs, [id], false) }));
        return;
      }
      if (!get().orgTree.children.has(id)) {
        get().announce(`Loading organizations under ${parentLabel(get(), id)}…`);
      }
      expand([id]);
    },

    expandSiblingOrgs: (id) => {
      const state = get();
      const node = state.orgTree.nodes.get(id);
      if (!node) return;
      const siblings = state.orgTree.children.get(parentKeyOf(node.parentId)) ?? [];
      const expandable = siblings.filter((siblingId) => {
        const sibling = state.orgTree.nodes.get(siblingId);
        return sibling !== undefined && isExpandable(state, sibling);
      });
      expand(expandable);
    },

    selectOrg: (selectedOrgId) => set({ selectedOrgId }),

    refreshOrgTree: async () => {
      await loadChildren(null);
      // Parents removed by the root refresh are gone from the store and are skipped here.
      const { orgTree, expandedOrgs } = get();
      const loadedExpanded = [...expandedOrgs].filter(
        (id) => orgTree.nodes.has(id) && orgTree.children.has(id),
      );
      await Promise.all(loadedExpanded.map((id) => loadChildren(id)));
    },

    removeOrg: (id) =>
      set((state) => ({
        orgTree: withoutNode(state.orgTree, id),
        expandedOrgs: withMembers(state.expandedOrgs, [id], false),
        selectedOrgId: state.selectedOrgId === id ? null : state.selectedOrgId,
      })),

    revealOrg: async (hit) => {
      const chain = [null, ...hit.path.map((step) => step.id)];
      for (const parentId of chain) {
        if (!get().orgTree.children.has(parentKeyOf(parentId))) await loadChildren(parentId);
        if (parentId !== null) {
          set((state) => ({ expandedOrgs: withMembers(state.expandedOrgs, [parentId], true) }));
        }
      }
      if (!get().orgTree.nodes.has(hit.node.id)) {
        get().notify(
          `${toVisibleString(hit.node.name)} is no longer where the search found it. ` +
            'Run a full sync to refresh the tree.',
          'error',
        );
        return;
      }
      focusSeq += 1;
      set({
        selectedOrgId: hit.node.id,
        treeFocusRequest: { id: hit.node.id, seq: focusSeq },
        revealedPath: new Set(hit.path.map((step) => step.id)),
      });
    },
  };
};
