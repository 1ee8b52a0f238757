/**
 * A generated organization hierarchy and an in-memory page source that lists it the way the
 * Organization Management API does: `parentId eq '<id>'` filters, cursor pages, `limit`.
 */
import { parentIdFilter } from '../../../main/wso2/filters';
import type { ListOrganizationsOptions } from '../../../main/wso2/organizations';
import type { OrgPageSource } from '../../../main/orgs/sync';

export interface GeneratedOrg {
  id: string;
  name: string;
  orgHandle: string;
  status: 'ACTIVE' | 'DISABLED';
  parentId: string | null;
}

export const orgId = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Hooli',
  'Vandelay',
];
const UNITS = ['Sales', 'Ops', 'Research', 'Support', 'Finance', 'Legal', 'Labs', 'Retail'];

/** `count` organizations; each picks a parent among the earlier ones (or root), skewed shallow. */
export function generateOrgs(count: number, seed = 7): GeneratedOrg[] {
  const next = random(seed);
  const orgs: GeneratedOrg[] = [];
  for (let n = 1; n <= count; n += 1) {
    const roll = next();
    const parentIndex = n === 1 || roll < 0.05 ? -1 : Math.floor(next() * (n - 1));
    const word = WORDS[Math.floor(next() * WORDS.length)]!;
    const unit = UNITS[Math.floor(next() * UNITS.length)]!;
    orgs.push({
      id: orgId(n),
      name: `${word} ${unit} ${n}`,
      orgHandle: `${word.toLowerCase()}-${unit.toLowerCase()}-${n}`,
      status: next() < 0.02 ? 'DISABLED' : 'ACTIVE',
      parentId: parentIndex === -1 ? null : orgs[parentIndex]!.id,
    });
  }
  return orgs;
}

export interface FakeSourceOptions {
  /** Server-side cap on `limit`. */
  maxPageSize?: number;
  /** Waits this many ms (real timers) before answering. */
  delayMs?: number;
  /** Throws this for a listing of the given parent id (undefined = root). */
  failFor?: (parentId: string | null) => Error | undefined;
}

export interface FakeSource extends OrgPageSource {
  requests: ListOrganizationsOptions[];
  maxInFlight: number;
  orgs: GeneratedOrg[];
}

export function fakeSource(orgs: GeneratedOrg[], options: FakeSourceOptions = {}): FakeSource {
  const children = new Map<string | null, GeneratedOrg[]>();
  for (const org of orgs) {
    const list = children.get(org.parentId) ?? [];
    list.push(org);
    children.set(org.parentId, list);
  }
  const filters = new Map<string, string>();
  for (const org of orgs) filters.set(parentIdFilter(org.id), org.id);
  let inFlight = 0;

  const source: FakeSource = {
    requests: [],
    maxInFlight: 0,
    orgs,
    listPage: async (request) => {
      source.requests.push(request);
      inFlight += 1;
      source.maxInFlight = Math.max(source.maxInFlight, inFlight);
      try {
        if (options.delayMs !== undefined) await delay(options.delayMs, request.signal);
        if (request.signal?.aborted === true) throw new Error('aborted');
        const parentId = request.filter === undefined ? null : filters.get(request.filter);
        if (parentId === undefined) throw new Error(`unexpected filter ${request.filter}`);
        const failure = options.failFor?.(parentId);
        if (failure !== undefined) throw failure;
        const list = children.get(parentId) ?? [];
        const limit = Math.min(request.limit ?? 15, options.maxPageSize ?? 100);
        const start =
          request.after === undefined ? 0 : Number(Buffer.from(request.after, 'base64').toString());
        const slice = list.slice(start, start + limit);
        const end = start + slice.length;
        return {
          organizations: slice.map((org) => ({
            id: org.id,
            name: org.name,
            orgHandle: org.orgHandle,
            status: org.status,
            hasChildren: children.has(org.id),
          })),
          next: end < list.length ? Buffer.from(String(end)).toString('base64') : undefined,
          previous: undefined,
        };
      } finally {
        inFlight -= 1;
      }
    },
  };
  return source;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });
}
