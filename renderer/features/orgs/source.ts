/**
 * The org tree's data source: the only way the tree reaches organization data. The app wires
 * it to the bridge; tests and the bridge-less dev build use the in-memory fake.
 */
import { z } from 'zod';

export const orgNodeSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  orgHandle: z.string(),
  parentId: z.string().min(1).nullable(),
  hasChildren: z.boolean(),
  depth: z.number().int().nonnegative(),
});
export type OrgNode = z.infer<typeof orgNodeSchema>;

export const orgPathStepSchema = z.object({ id: z.string().min(1), name: z.string() });
export type OrgPathStep = z.infer<typeof orgPathStepSchema>;

/** A search hit with its ancestors, root first, not including the hit itself. */
export const searchHitSchema = z.object({
  node: orgNodeSchema,
  path: z.array(orgPathStepSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const syncProgressSchema = z.object({
  fetched: z.number().int().nonnegative(),
  /** Null while the server has not yet revealed how many organizations there are. */
  total: z.number().int().nonnegative().nullable(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const syncOutcomeSchema = z.object({
  status: z.enum(['completed', 'cancelled']),
  fetched: z.number().int().nonnegative(),
  syncedAt: z.number(),
});
export type SyncOutcome = z.infer<typeof syncOutcomeSchema>;

export const cacheStatusSchema = z.object({
  online: z.boolean(),
  /** Epoch milliseconds of the last completed full sync, or null when never synced. */
  syncedAt: z.number().nullable(),
});
export type CacheStatus = z.infer<typeof cacheStatusSchema>;

export interface SearchOptions {
  limit: number;
  signal?: AbortSignal;
}

export interface SyncOptions {
  onProgress: (progress: SyncProgress) => void;
  /** Aborting cancels the sync; the promise then resolves with status 'cancelled'. */
  signal: AbortSignal;
}

export interface OrgDataSource {
  /** Direct children of `parentId`, or the root-level organizations for null, in display order. */
  children(parentId: string | null): Promise<unknown>;
  /** Organizations at any level whose name or handle matches `query`. */
  search(query: string, options: SearchOptions): Promise<unknown>;
  /** A full sync of the whole tree into the offline cache. */
  sync(options: SyncOptions): Promise<unknown>;
  /** Whether the server is reachable and how old the cache is. */
  status(): Promise<unknown>;
}

/** Results are `unknown` on purpose: the store parses each with the schemas above. */
export const childrenSchema = z.array(orgNodeSchema);
export const searchHitsSchema = z.array(searchHitSchema);

/** One line naming the field that failed, e.g. `[3].parentId: expected string, received number`. */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid data';
  const path = issue.path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
  return `${path || '(root)'}: ${issue.message}`;
}
