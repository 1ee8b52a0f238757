/**
 * One page of the organization list, as WSO2 computes it: newest first, `limit + 1` rows
 * fetched to learn whether more exist, `after` walking older and `before` walking newer
 * (queried oldest-first, then reversed). Child lists come from the state's newest-first
 * index and a cursor is found by binary search; recursive lists use a sorted array built once
 * per organization and tree version.
 */
import type { Org } from '../model';
import type { SandboxState } from '../state';
import { isAfter, isBefore } from './cursor';
import type { OrgCondition } from './filter';
import { compileConditions } from './match';
import type { PreciseInstant } from './timestamps';

export interface OrgListRequest {
  callingOrgId: string;
  recursive: boolean;
  limit: number;
  after?: PreciseInstant;
  before?: PreciseInstant;
  conditions: readonly OrgCondition[];
}

export interface OrgPage {
  /** The page, newest first. */
  organizations: Org[];
  hasPrevious: boolean;
  hasNext: boolean;
}

/** First index whose element satisfies `test`, for a test that is false…false,true…true. */
function firstIndex(list: readonly Org[], test: (org: Org) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(list[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

export class OrgLister {
  private cache = new Map<string, readonly Org[]>();
  private cacheVersion = -1;

  constructor(private readonly state: SandboxState) {}

  /** Every descendant of `orgId`, newest first; rebuilt only after the tree changed. */
  descendantsNewestFirst(orgId: string): readonly Org[] {
    if (this.cacheVersion !== this.state.treeVersion) {
      this.cache = new Map();
      this.cacheVersion = this.state.treeVersion;
    }
    let list = this.cache.get(orgId);
    if (!list) {
      list = this.state.descendants(orgId).sort((a, b) => b.createdMicros - a.createdMicros);
      this.cache.set(orgId, list);
    }
    return list;
  }

  /** Candidates before the other conditions: `parentId eq X` narrows to X's children. */
  private candidates(request: OrgListRequest): { list: readonly Org[]; rest: OrgCondition[] } {
    const rest = [...request.conditions];
    const parentIndex = rest.findIndex((c) => c.attribute === 'parentId' && c.operator === 'eq');
    if (parentIndex >= 0) {
      const parentId = rest.splice(parentIndex, 1)[0]!.value;
      const visible =
        parentId === request.callingOrgId ||
        this.state.isDescendantOf(parentId, request.callingOrgId);
      return { list: visible ? this.state.children(parentId) : [], rest };
    }
    const list = request.recursive
      ? this.descendantsNewestFirst(request.callingOrgId)
      : this.state.children(request.callingOrgId);
    return { list, rest };
  }

  page(request: OrgListRequest): OrgPage {
    const { list, rest } = this.candidates(request);
    const matches = compileConditions(rest);
    const wanted = request.limit + 1;
    const fetched: Org[] = [];

    if (request.before) {
      const cursor = request.before;
      for (let i = firstIndex(list, (o) => !isAfter(o.createdMicros, cursor)) - 1; i >= 0; i--) {
        if (matches(list[i]!)) fetched.push(list[i]!);
        if (fetched.length === wanted) break;
      }
    } else {
      const cursor = request.after;
      const start = cursor ? firstIndex(list, (o) => isBefore(o.createdMicros, cursor)) : 0;
      for (let i = start; i < list.length && fetched.length < wanted; i++) {
        if (matches(list[i]!)) fetched.push(list[i]!);
      }
    }

    const hasMore = fetched.length > request.limit;
    if (hasMore) fetched.pop();
    if (request.before) fetched.reverse();
    const backwards = request.before !== undefined;
    return {
      organizations: fetched,
      hasPrevious: backwards ? hasMore : request.after !== undefined,
      hasNext: backwards || hasMore,
    };
  }
}
