import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { OrgSearchIndex } from '../../../main/orgs/search';
import { syncTree } from '../../../main/orgs/sync';
import { OrgTree, type OrgInput } from '../../../main/orgs/tree';
import { fakeSource, generateOrgs, orgId, random } from './support';

const ROOT = { id: '', name: 'Root', orgHandle: 'carbon.super' };

function org(n: number, name: string, orgHandle: string): OrgInput {
  return { id: orgId(n), name, orgHandle, status: 'ACTIVE' };
}

function small(): OrgTree {
  const tree = new OrgTree(ROOT);
  tree.setChildren('', [org(1, 'Acme Holdings', 'acme'), org(2, 'Globex', 'globex-corp')]);
  tree.setChildren(orgId(1), [org(11, 'ACME Europe', 'acme-eu'), org(12, 'Ops', 'operations')]);
  tree.setChildren(orgId(11), [org(111, 'Straße Süd', 'strasse-sud')]);
  return tree;
}

describe('search', () => {
  it('finds names and handles case-insensitively, in tree order, with the path to each hit', () => {
    const index = new OrgSearchIndex(small());
    const result = index.search('  aCmE ');
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => [h.node.name, h.matchedOn])).toEqual([
      ['Acme Holdings', 'name'],
      ['ACME Europe', 'name'],
    ]);
    expect(result.hits[1]!.path).toEqual([{ id: orgId(1), name: 'Acme Holdings' }]);

    const handle = index.search('-corp');
    expect(handle.hits.map((h) => [h.node.id, h.matchedOn])).toEqual([[orgId(2), 'orgHandle']]);
    expect(index.search('süd').hits[0]!.path.map((p) => p.name)).toEqual([
      'Acme Holdings',
      'ACME Europe',
    ]);
  });

  it('finds an exact id, once, before substring hits', () => {
    const index = new OrgSearchIndex(small());
    const result = index.search(orgId(12).toUpperCase());
    expect(result.total).toBe(1);
    expect(result.hits[0]).toMatchObject({ matchedOn: 'id', node: { name: 'Ops' } });
  });

  it('never matches across a name and a handle or two organizations', () => {
    const index = new OrgSearchIndex(small());
    expect(index.search('holdingsacme').total).toBe(0);
    expect(index.search('holdings\u0001acme').total).toBe(0);
    expect(index.search('acmeglobex').total).toBe(0);
  });

  it('counts every hit but returns at most the limit', () => {
    const tree = new OrgTree(ROOT);
    tree.setChildren(
      '',
      Array.from({ length: 30 }, (_, i) => org(i + 1, `Team ${i + 1}`, `team-${i + 1}`)),
    );
    const result = new OrgSearchIndex(tree).search('team', 5);
    expect(result.total).toBe(30);
    expect(result.hits.map((h) => h.node.name)).toEqual([
      'Team 1',
      'Team 2',
      'Team 3',
      'Team 4',
      'Team 5',
    ]);
    expect(new OrgSearchIndex(tree).search('   ').total).toBe(0);
  });

  it('rebuilds after the tree changes', () => {
    const tree = small();
    const index = new OrgSearchIndex(tree);
    expect(index.search('globex').total).toBe(1);
    tree.setChildren('', [org(3, 'Initech', 'initech')]);
    expect(index.search('globex').total).toBe(0);
    expect(index.search('initech').total).toBe(1);
  });

  it('agrees with a plain scan on a generated tree', async () => {
    const orgs = generateOrgs(3_000, 11);
    const { tree } = await syncTree(ROOT, { source: fakeSource(orgs), logger: silentLogger });
    const index = new OrgSearchIndex(tree);
    for (const query of ['acme', 'SALES 1', '-ops-2', 'tyrell research', 'zzz', '9']) {
      const q = query.toLowerCase();
      const expected = orgs.filter(
        (o) => o.name.toLowerCase().includes(q) || o.orgHandle.toLowerCase().includes(q),
      );
      const result = index.search(query, 10_000);
      expect(result.total, query).toBe(expected.length);
      expect(new Set(result.hits.map((h) => h.node.id))).toEqual(
        new Set(expected.map((o) => o.id)),
      );
    }
  });

  it('reports query latency over 100 000 organizations', async () => {
    const orgs = generateOrgs(100_000, 3);
    const { tree } = await syncTree(ROOT, { source: fakeSource(orgs), logger: silentLogger });
    const index = new OrgSearchIndex(tree);
    const buildStart = performance.now();
    index.prepare();
    const buildMs = performance.now() - buildStart;
    const next = random(5);
    const queries = Array.from({ length: 200 }, () => {
      const org = orgs[Math.floor(next() * orgs.length)]!;
      const from = Math.floor(next() * (org.name.length - 3));
      return next() < 0.2 ? org.id : org.name.slice(from, from + 2 + Math.floor(next() * 6));
    });
    const times = queries.map((query) => {
      const start = performance.now();
      const result = index.search(query, 100);
      const elapsed = performance.now() - start;
      expect(result.total).toBeGreaterThan(0);
      return elapsed;
    });
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)]!;
    console.log(
      `[orgs search] 100000 orgs: index built in ${buildMs.toFixed(1)} ms; ` +
        `p50 ${times[times.length >> 1]!.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`,
    );
  }, 60_000);
});
