/**
 * Generated trees of any size (`--orgs N --depth D --seed S`) on top of the root catalog:
 * level sizes grow geometrically, each organization picks a random parent one level up, names
 * come from word lists, handles are unique, and creation times strictly increase. The same
 * options and clock give the same tree.
 */
import { ROOT_ORG_ID, type Org } from '../model';
import { buildOrg } from '../orgs/factory';
import { copyRolesInto, inheritableRoles } from '../roles/copy';
import { SandboxState } from '../state';
import { addRootCatalog } from './catalog';
import { seededUuid } from './ids';
import { createPrng, type Prng } from './prng';
import { BRAND_ENDS, BRAND_STARTS, CITIES, INDUSTRIES, REGIONS, TEAMS } from './words';

export interface GenerateOptions {
  orgs: number;
  depth?: number;
  seed?: number;
}

const YEAR_MICROS = 365 * 24 * 3_600_000_000;

/** Organizations per level (level 1 = children of the root), summing to `total`. */
export function levelSizes(total: number, depth: number): number[] {
  if (total <= 0) return [];
  let low = 1;
  let high = total;
  const reach = (b: number): number => {
    let sum = 0;
    for (let i = 1, size = 1; i <= depth; i++) sum += size = Math.max(1, Math.round(size * b));
    return sum;
  };
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (reach(mid) >= total) high = mid;
    else low = mid;
  }
  const sizes: number[] = [];
  let left = total;
  for (let i = 1, size = 1; i <= depth && left > 0; i++) {
    size = Math.max(1, Math.round(size * high));
    const take = i === depth ? left : Math.min(size, left);
    sizes.push(take);
    left -= take;
  }
  return sizes;
}

interface Label {
  brand: string;
  place: string;
}

/** Brands at level 1, regions at 2, cities at 3, teams of a city below that. */
function labelFor(prng: Prng, level: number, parent: Label | undefined): Label & { name: string } {
  if (level === 1 || !parent) {
    const brand = `${prng.pick(BRAND_STARTS)}${prng.pick(BRAND_ENDS)}`;
    return { brand, place: '', name: `${brand} ${prng.pick(INDUSTRIES)}` };
  }
  if (level === 2) {
    const place = prng.pick(REGIONS);
    return { brand: parent.brand, place, name: `${parent.brand} ${place}` };
  }
  if (level === 3) {
    const place = prng.pick(CITIES);
    return { brand: parent.brand, place, name: `${parent.brand} ${place}` };
  }
  return { ...parent, name: `${parent.place} ${prng.pick(TEAMS)}` };
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function generateState(options: GenerateOptions, nowMs: number): SandboxState {
  const depth = Math.max(1, options.depth ?? 4);
  const prng = createPrng(options.seed ?? 1);
  const state = new SandboxState(ROOT_ORG_ID);
  let created = Math.floor(nowMs * 1000) - YEAR_MICROS;
  addRootCatalog(state, created);
  const root = state.orgs.get(state.rootOrgId)!;

  const handles = new Set<string>([root.orgHandle]);
  const handleCounts = new Map<string, number>();
  const siblingNames = new Set<string>();
  const labels = new Map<string, Label>();
  const all: Org[] = [];
  let previousLevel: Org[] = [root];
  for (const [index, size] of levelSizes(options.orgs, depth).entries()) {
    const level: Org[] = [];
    for (let i = 0; i < size; i++) {
      const parent = prng.pick(previousLevel);
      const label = labelFor(prng, index + 1, labels.get(parent.id));
      let name = label.name;
      for (let n = 2; siblingNames.has(`${parent.id}|${name}`); n++) name = `${label.name} ${n}`;
      siblingNames.add(`${parent.id}|${name}`);
      const base = slug(name) || 'org';
      let n = handleCounts.get(base) ?? 1;
      let handle = n === 1 ? base : `${base}-${n}`;
      while (handles.has(handle)) handle = `${base}-${++n}`;
      handleCounts.set(base, n);
      handles.add(handle);
      created += 1 + prng.below(90_000_000);
      const org = buildOrg({
        id: seededUuid(prng.word),
        name,
        orgHandle: handle,
        parentId: parent.id,
        createdMicros: created,
        description: `Generated organization ${all.length + 1}`,
      });
      labels.set(org.id, label);
      level.push(org);
      all.push(org);
    }
    previousLevel = level;
  }

  // Newest first keeps every insertion at the end of its parent's child index.
  for (let i = all.length - 1; i >= 0; i--) state.addOrg(all[i]!);
  const inherited = inheritableRoles(state);
  for (const org of all) copyRolesInto(state, org, inherited, () => seededUuid(prng.word));
  return state;
}
