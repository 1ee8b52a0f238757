/**
 * The visible-rows model against the data model: for random trees, random loaded levels,
 * random expanded sets and random loading/error states, every row's ARIA position must be
 * what the tree itself implies, computed here by walking parent links, not by the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ROOT_KEY,
  emptyTreeData,
  parentKeyOf,
  withChildren,
  type OrgTreeData,
} from '../../../renderer/features/orgs/orgIndex';
import type { OrgNode } from '../../../renderer/features/orgs/source';
import {
  flattenVisible,
  placeholderKey,
  type ChildLoad,
  type TreeRow,
} from '../../../renderer/features/orgs/treeModel';

interface Scenario {
  nodes: OrgNode[];
  /** Parents (ROOT_KEY or an id) whose children were loaded. */
  loaded: Set<string>;
  data: OrgTreeData;
  expanded: Set<string>;
  loads: Map<string, ChildLoad>;
}

const scenario = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
    loadedBits: fc.array(fc.boolean(), { minLength: 61, maxLength: 61 }),
    expandedBits: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
    loadBits: fc.array(fc.constantFrom('none', 'loading', 'error'), {
      minLength: 61,
      maxLength: 61,
    }),
  })
  .map(({ parents, loadedBits, expandedBits, loadBits }): Scenario => {
    // Node i hangs under node (p mod (i + 1)) - 1, where -1 is the top level.
    const nodes: OrgNode[] = parents.map((p, i) => {
      const parentIndex = (p % (i + 1)) - 1;
      return {
        id: `n${i}`,
        name: `Org ${i}`,
        orgHandle: `org-${i}`,
        parentId: parentIndex < 0 ? null : `n${parentIndex}`,
        hasChildren: false,
        depth: 0,
      };
    });
    for (const node of nodes) {
      const parent = nodes.find((candidate) => candidate.id === node.parentId);
      if (parent) parent.hasChildren = true;
    }

    // Load levels top-down, as the app does: only parents that are themselves loaded.
    const loaded = new Set<string>();
    let data = emptyTreeData();
    const keys = [ROOT_KEY, ...nodes.map((node) => node.id)];
    keys.forEach((key, index) => {
      const reachable = key === ROOT_KEY || data.nodes.has(key);
      if (!reachable || !loadedBits[index]) return;
      const children = nodes.filter((node) => parentKeyOf(node.parentId) === key);
      data = withChildren(data, key === ROOT_KEY ? null : key, children);
      loaded.add(key);
    });

    const expanded = new Set(nodes.filter((_, i) => expandedBits[i]).map((node) => node.id));
    const loads = new Map<string, ChildLoad>();
    keys.forEach((key, index) => {
      const state = loadBits[index];
      if (state === 'loading') loads.set(key, { status: 'loading' });
      if (state === 'error') loads.set(key, { status: 'error', message: 'boom' });
    });
    return { nodes, loaded, data, expanded, loads };
  });

function byId(nodes: readonly OrgNode[]): Map<string, OrgNode> {
  return new Map(nodes.map((node) => [node.id, node]));
}

function ancestorsOf(node: OrgNode, index: Map<string, OrgNode>): OrgNode[] {
  const chain: OrgNode[] = [];
  for (let at = node.parentId; at !== null;) {
    const parent = index.get(at) as OrgNode;
    chain.push(parent);
    at = parent.parentId;
  }
  return chain;
}

function siblingsOf(node: OrgNode, nodes: readonly OrgNode[]): OrgNode[] {
  return nodes.filter((other) => other.parentId === node.parentId);
}

/** What the data says: visible iff every ancestor is loaded-expanded and the level is loaded. */
function isVisible(node: OrgNode, s: Scenario, index: Map<string, OrgNode>): boolean {
  if (!s.loaded.has(parentKeyOf(node.parentId))) return false;
  return ancestorsOf(node, index).every(
    (ancestor) => s.expanded.has(ancestor.id) && s.loaded.has(parentKeyOf(ancestor.parentId)),
  );
}

describe('flattenVisible', () => {
  it('gives every node row the level, set size and position the data model implies', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const index = byId(s.nodes);
        const { rows, indexByKey } = flattenVisible(s.data, s.expanded, s.loads);
        const nodeRows = rows.filter(
          (row): row is Extract<TreeRow, { kind: 'node' }> => row.kind === 'node',
        );

        const expectedVisible = s.nodes
          .filter((node) => isVisible(node, s, index))
          .map((n) => n.id);
        expect(new Set(nodeRows.map((row) => row.key))).toEqual(new Set(expectedVisible));
        expect(nodeRows).toHaveLength(expectedVisible.length);

        for (const row of nodeRows) {
          const node = index.get(row.key) as OrgNode;
          const siblings = siblingsOf(node, s.nodes);
          expect(row.level).toBe(ancestorsOf(node, index).length + 1);
          expect(row.setSize).toBe(siblings.length);
          expect(row.posInSet).toBe(siblings.indexOf(node) + 1);
          const parentRow = rows[row.parentIndex];
          expect(row.parentIndex === -1 ? null : parentRow?.key).toBe(node.parentId);
          expect(row.expanded).toBe(node.hasChildren ? s.expanded.has(node.id) : null);
          expect(indexByKey.get(row.key)).toBe(rows.indexOf(row));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists rows depth first: each row follows its parent, and siblings keep their order', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { rows } = flattenVisible(s.data, s.expanded, s.loads);
        rows.forEach((row, i) => {
          if (i === 0) return;
          const previous = rows[i - 1] as TreeRow;
          expect(row.level).toBeLessThanOrEqual(previous.level + 1);
          if (row.level === previous.level + 1) expect(row.parentIndex).toBe(i - 1);
          expect(row.parentIndex).toBeLessThan(i);
        });
        // Siblings appear in posinset order.
        const lastPosition = new Map<number, number>();
        for (const row of rows) {
          const last = lastPosition.get(row.parentIndex) ?? 0;
          expect(row.posInSet).toBe(last + 1);
          lastPosition.set(row.parentIndex, row.posInSet);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows a loading or error row exactly under expanded, unloaded parents', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const index = byId(s.nodes);
        const { rows } = flattenVisible(s.data, s.expanded, s.loads);
        const placeholders = rows.filter((row) => row.kind !== 'node');

        const expected = [ROOT_KEY, ...s.nodes.map((node) => node.id)].filter((key) => {
          if (s.loaded.has(key) || !s.loads.has(key)) return false;
          if (key === ROOT_KEY) return true;
          const node = index.get(key) as OrgNode;
          return node.hasChildren && s.expanded.has(key) && isVisible(node, s, index);
        });
        expect(placeholders.map((row) => row.key).sort()).toEqual(
          expected.map(placeholderKey).sort(),
        );

        for (const row of placeholders) {
          const parent = rows[row.parentIndex];
          expect(row.level).toBe(parent ? parent.level + 1 : 1);
          expect([row.setSize, row.posInSet]).toEqual([1, 1]);
          expect(row.kind).toBe(s.loads.get(parent ? parent.key : ROOT_KEY)?.status);
        }
      }),
      { numRuns: 300 },
    );
  });
});
