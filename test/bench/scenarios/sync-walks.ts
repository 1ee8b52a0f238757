/**
 * The two walks the sync engine is compared with, both over plain undici with bodies only
 * `JSON.parse`d:
 * - the bare loop: the engine's own walk (every parent's children by `filter=parentId eq`,
 *   every cursor page, the same page size, the same number of parents in flight);
 * - the Console's walk: the top level with `limit=15`, then each organization's children one
 *   request at a time at the server's default page size, strictly in sequence (reference §10).
 */
import type { BareClient } from '../lib/bare';
import { nextCursor } from '../lib/bare';
import { TENANT_PATH } from '../lib/harness';

const LIST_PATH = `${TENANT_PATH}/api/server/v1/organizations`;

export interface WalkResult {
  orgs: number;
  requests: number;
}

interface ListedOrg {
  id: string;
  hasChildren?: boolean;
}

function listQuery(parentId: string | null, limit: number | null, after?: string): string {
  const query = new URLSearchParams();
  if (parentId !== null) query.set('filter', `parentId eq '${parentId}'`);
  if (limit !== null) query.set('limit', String(limit));
  query.set('recursive', 'false');
  if (after !== undefined) query.set('after', after);
  return `${LIST_PATH}?${query.toString()}`;
}

/** Every page of one parent's children; `onOrg` sees each organization. */
async function listChildren(
  bare: BareClient,
  token: string,
  parentId: string | null,
  limit: number | null,
  onOrg: (org: ListedOrg) => void,
): Promise<number> {
  let requests = 0;
  let after: string | undefined;
  do {
    const response = await bare.get(listQuery(parentId, limit, after), token);
    requests += 1;
    if (response.status !== 200) throw new Error(`organization list: HTTP ${response.status}`);
    const body = response.body as { organizations?: ListedOrg[] } | undefined;
    for (const org of body?.organizations ?? []) onOrg(org);
    after = nextCursor(response.body);
  } while (after !== undefined);
  return requests;
}

/** The sync engine's walk without the engine: the floor of a full sync. */
export function bareWalk(
  bare: BareClient,
  token: string,
  options: { concurrency: number; pageSize: number },
): Promise<WalkResult> {
  const queue: (string | null)[] = [null];
  let head = 0;
  let active = 0;
  let orgs = 0;
  let requests = 0;
  return new Promise<WalkResult>((resolve, reject) => {
    let failed = false;
    const pump = (): void => {
      while (!failed && active < options.concurrency && head < queue.length) {
        const parent = queue[head]!;
        head += 1;
        active += 1;
        listChildren(bare, token, parent, options.pageSize, (org) => {
          orgs += 1;
          if (org.hasChildren !== false) queue.push(org.id);
        }).then(
          (count) => {
            requests += count;
            active -= 1;
            pump();
          },
          (error: unknown) => {
            failed = true;
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }
      if (!failed && active === 0 && head >= queue.length) resolve({ orgs, requests });
    };
    pump();
  });
}

/** The Console's way: one request at a time, the top level first, then each node's children. */
export async function consoleWalk(bare: BareClient, token: string): Promise<WalkResult> {
  const pending: string[] = [];
  let orgs = 0;
  const visit = (org: ListedOrg): void => {
    orgs += 1;
    if (org.hasChildren !== false) pending.push(org.id);
  };
  let requests = await listChildren(bare, token, null, 15, visit);
  while (pending.length > 0) {
    requests += await listChildren(bare, token, pending.pop()!, null, visit);
  }
  return { orgs, requests };
}
