/**
 * Search across every level of the tree by name or handle (case-insensitive substring) or by
 * exact id. The index is one lowercased string holding every organization's name and handle in
 * depth-first order, with the start offset of each entry in a typed array: a query is a run of
 * native `indexOf` calls plus a binary search per hit, so no per-organization object is visited.
 * The index is rebuilt lazily when the tree's version changes.
 */
import { isUuid } from '../wso2/ids';
import type { OrgNode, OrgTree } from './tree';
import { ROOT_SLOT } from './tree';

export type MatchField = 'id' | 'name' | 'orgHandle';

export interface SearchHit {
  node: OrgNode;
  /** Ancestors, root-level first, without the root organization and without the hit. */
  path: { id: string; name: string }[];
  matchedOn: MatchField;
}

export interface SearchResult {
  query: string;
  /** Every match in the tree, even beyond `limit`. */
  total: number;
  hits: SearchHit[];
}

export const DEFAULT_SEARCH_LIMIT = 50;

// Separators cannot occur in a query (control characters are stripped from it), so a match
// never spans two fields or two organizations.
const FIELD_SEPARATOR = '\u0001';
const ENTRY_SEPARATOR = '\u0000';
// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const CONTROL = /[\u0000-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex -- the same class, tested before replacing
const HAS_CONTROL = /[\u0000-\u001f\u007f]/;

function clean(text: string): string {
  const lower = text.toLowerCase();
  return HAS_CONTROL.test(lower) ? lower.replace(CONTROL, ' ') : lower;
}

export function normalizeQuery(query: string): string {
  return query.replace(CONTROL, '').trim().toLowerCase();
}

interface Built {
  version: number;
  haystack: string;
  /** Start offset of entry i; entry `count` is the haystack's end. */
  starts: Int32Array;
  /** Offset of the field separator of entry i (name before it, handle after it). */
  separators: Int32Array;
  /** Tree slot of entry i. */
  slots: Int32Array;
  count: number;
}

export class OrgSearchIndex {
  readonly #tree: OrgTree;
  #built: Built | undefined;

  constructor(tree: OrgTree) {
    this.#tree = tree;
  }

  /** Builds now (e.g. right after a sync) instead of on the first search. */
  prepare(): void {
    this.#index();
  }

  search(query: string, limit = DEFAULT_SEARCH_LIMIT): SearchResult {
    const needle = normalizeQuery(query);
    const result: SearchResult = { query: needle, total: 0, hits: [] };
    if (needle === '') return result;
    const built = this.#index();
    const exact = isUuid(needle) ? this.#tree.slotOf(needle) : undefined;
    const exactSlot = exact === undefined || exact === ROOT_SLOT ? -1 : exact;
    if (exactSlot !== -1) this.#add(result, exactSlot, 'id', limit);

    const { haystack, starts, separators, slots, count } = built;
    let entry = -1;
    let position = haystack.indexOf(needle);
    while (position !== -1) {
      // Hits are often in the very next entry (short queries): check it before bisecting.
      entry += 1;
      if (starts[entry + 1]! <= position)
        entry = upperBound(starts, position, entry + 1, count) - 1;
      const slot = slots[entry]!;
      if (slot !== exactSlot) {
        const field: MatchField = position < separators[entry]! ? 'name' : 'orgHandle';
        this.#add(result, slot, field, limit);
      }
      position = haystack.indexOf(needle, starts[entry + 1]);
    }
    return result;
  }

  #add(result: SearchResult, slot: number, field: MatchField, limit: number): void {
    result.total += 1;
    if (result.hits.length >= limit) return;
    result.hits.push({
      node: this.#tree.nodeAt(slot),
      path: this.#tree.ancestorsOfSlot(slot),
      matchedOn: field,
    });
  }

  #index(): Built {
    const tree = this.#tree;
    if (this.#built?.version === tree.version) return this.#built;
    const total = tree.size;
    const starts = new Int32Array(total + 1);
    const separators = new Int32Array(total);
    const slots = new Int32Array(total);
    const pieces: string[] = [];
    let offset = 0;
    let count = 0;
    tree.forEachDescendant(ROOT_SLOT, (slot) => {
      const name = clean(tree.nameAt(slot));
      const handle = clean(tree.handleAt(slot));
      starts[count] = offset;
      separators[count] = offset + name.length;
      slots[count] = slot;
      pieces.push(name, FIELD_SEPARATOR, handle, ENTRY_SEPARATOR);
      offset += name.length + handle.length + 2;
      count += 1;
    });
    starts[count] = offset;
    this.#built = {
      version: tree.version,
      haystack: pieces.join(''),
      starts,
      separators,
      slots,
      count,
    };
    return this.#built;
  }
}

/** First index in [from, to) whose start is greater than `position`. */
function upperBound(starts: Int32Array, position: number, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle]! <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}
