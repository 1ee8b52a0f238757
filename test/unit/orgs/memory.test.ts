import { expect, it } from 'vitest';
import { OrgSearchIndex } from '../../../main/orgs/search';
import { OrgTree } from '../../../main/orgs/tree';
import { orgId } from './support';

function heapMb(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

it('holds 100 000 organizations and their search index in a modest heap', () => {
  const before = heapMb();
  const tree = new OrgTree({ id: '', name: 'Root', orgHandle: 'carbon.super' });
  // Ten root-level orgs, each with ten children, and so on: 100 000 nodes at depths 1–5.
  let next = 1;
  const frontier = [0];
  while (next <= 100_000) {
    const parent = frontier.shift()!;
    for (let i = 0; i < 10 && next <= 100_000; i += 1) {
      const slot = tree.appendChild(parent, {
        // Built strings, as a JSON parse would produce: no shared literals.
        id: orgId(next),
        name: `Organization ${next} ${String.fromCharCode(65 + (next % 26))}`,
        orgHandle: `organization-${next}`,
        status: 'ACTIVE',
      })!;
      frontier.push(slot);
      next += 1;
    }
    tree.markChildrenLoaded(parent);
  }
  const treeMb = heapMb() - before;
  const index = new OrgSearchIndex(tree);
  index.prepare();
  const totalMb = heapMb() - before;
  const rss = process.memoryUsage().rss / 1024 / 1024;

  console.log(
    `[orgs memory] 100000 orgs: tree +${treeMb.toFixed(1)} MB, with search index ` +
      `+${totalMb.toFixed(1)} MB heap (rss ${rss.toFixed(0)} MB)`,
  );
  expect(tree.size).toBe(100_000);
  expect(index.search('organization 99999').total).toBe(1);
  expect(totalMb).toBeLessThan(150);
});
