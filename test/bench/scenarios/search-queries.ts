/**
 * The fixed query set of the search scenario, and the baseline it is compared with: a linear
 * scan over lowercased names and handles with `includes` (plus exact id equality).
 */
import type { FixtureOrg } from '../lib/org-fixture';

export interface Query {
  kind: 'name' | 'handle' | 'id' | 'prefix' | 'miss';
  text: string;
}

/** A small deterministic generator (mulberry32), so every run asks the same questions. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PREFIXES = ['a', 'e', 's', 'n', 'no', 'be', 'st', 'ra', 'ber', 'lon', 'sal', 'tea'];
const MISSES = [
  'zzqx',
  'qqqq',
  'xylophone',
  'not-an-org-handle',
  '00000000-0000-4000-8000-000000000000',
];

export function querySet(orgs: readonly FixtureOrg[], perKind: number): Query[] {
  const random = seeded(42);
  const pick = (): FixtureOrg => orgs[Math.floor(random() * orgs.length)]!;
  const queries: Query[] = [];
  for (let i = 0; i < perKind; i += 1) {
    queries.push({ kind: 'name', text: pick().name });
    queries.push({ kind: 'handle', text: pick().orgHandle });
    queries.push({ kind: 'id', text: pick().id });
  }
  for (const text of PREFIXES) queries.push({ kind: 'prefix', text });
  for (const text of MISSES) queries.push({ kind: 'miss', text });
  return queries;
}

interface ScanEntry {
  id: string;
  name: string;
  handle: string;
}

export interface LinearScan {
  search(query: string, limit: number): { total: number; hits: string[] };
}

export function linearScan(orgs: readonly FixtureOrg[]): LinearScan {
  const entries: ScanEntry[] = orgs.map((org) => ({
    id: org.id.toLowerCase(),
    name: org.name.toLowerCase(),
    handle: org.orgHandle.toLowerCase(),
  }));
  return {
    search: (query, limit) => {
      const needle = query.trim().toLowerCase();
      let total = 0;
      const hits: string[] = [];
      for (const entry of entries) {
        if (entry.id === needle || entry.name.includes(needle) || entry.handle.includes(needle)) {
          total += 1;
          if (hits.length < limit) hits.push(entry.id);
        }
      }
      return { total, hits };
    },
  };
}
