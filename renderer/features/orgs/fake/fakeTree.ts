/**
 * Generates a large, realistic-looking org tree for development and tests: a handful of
 * root-level organizations, each fanning out a few levels deep, filled breadth first.
 */
import type { OrgNode } from '../source';
import { fakeUuid, pick, seededRandom } from './prng';

export interface FakeTreeOptions {
  size: number;
  seed?: number;
  roots?: number;
  /** Adds organizations with hostile, bidi, emoji and very long names at the top level. */
  edgeCaseNames?: boolean;
}

const BRANDS = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Litware',
  'Adatum',
  'Proseware',
  'Wingtip',
  'Woodgrove',
  'Alpine',
  'Coho',
  'Lucerne',
  'Margie',
  'Trey',
  'Fourth Coffee',
];
const UNITS = [
  'Retail',
  'Logistics',
  'Health',
  'Finance',
  'Research',
  'Support',
  'Labs',
  'Travel',
  'Energy',
  'Media',
  'Insurance',
  'Foods',
  'Robotics',
  'Legal',
  'Security',
];
const REGIONS = ['EU', 'US', 'APAC', 'LATAM', 'Nordics', 'India', 'Japan', 'Africa', 'UK'];

export const EDGE_CASE_NAMES: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  'invoice\u202Egpj.exe',
  'javascript:alert(1)',
  '__proto__',
  '\u{1F469}\u200D\u{1F4BB} Developer Relations',
  `Long ${'name '.repeat(2000)}end`,
  'Tab\tand\nnewline',
];

function slug(name: string, id: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base.slice(0, 40) || 'org'}-${id.slice(0, 4)}`;
}

export function generateOrgTree(options: FakeTreeOptions): OrgNode[] {
  const random = seededRandom(options.seed ?? 1);
  const rootCount = Math.min(options.roots ?? 12, options.size);
  const nodes: OrgNode[] = [];

  const add = (name: string, parent: OrgNode | null): OrgNode => {
    const id = fakeUuid(random);
    const node: OrgNode = {
      id,
      name,
      orgHandle: slug(name, id),
      parentId: parent ? parent.id : null,
      hasChildren: false,
      depth: parent ? parent.depth + 1 : 0,
    };
    if (parent) parent.hasChildren = true;
    nodes.push(node);
    return node;
  };

  for (let i = 0; i < rootCount; i += 1)
    add(`${pick(random, BRANDS)} ${pick(random, UNITS)}`, null);
  if (options.edgeCaseNames) for (const name of EDGE_CASE_NAMES) add(name, null);

  // Breadth first: each organization takes a few children until the size is reached, so the
  // tree gets wide near the top and about six levels deep at 100 000.
  for (let cursor = 0; nodes.length < options.size && cursor < nodes.length; cursor += 1) {
    const parent = nodes[cursor] as OrgNode;
    const fanout = 2 + Math.floor(random() * 13);
    for (let i = 0; i < fanout && nodes.length < options.size; i += 1) {
      add(
        `${pick(random, BRANDS)} ${pick(random, UNITS)} ${pick(random, REGIONS)} ${nodes.length}`,
        parent,
      );
    }
  }
  return nodes;
}
