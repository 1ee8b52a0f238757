/**
 * Cursor paging of WSO2 list APIs. Only the cursor is taken from a `next`/`previous` link; the
 * request is rebuilt from our own parameters, because servers emit links in several forms
 * (absolute, server-relative, or the `/o/…` fallback without the tenant prefix).
 */
import { z } from 'zod';
import { ResponseSchemaError } from './errors';

export const linkSchema = z.object({ href: z.string(), rel: z.string() });
export type Link = z.infer<typeof linkSchema>;

/** WSO2 cursors are Base64 (a timestamp string or an integer row id). */
const CURSOR = /^[A-Za-z0-9+/_-]{1,512}={0,2}$/;

/** Upper bound on pages of one listing, so a server that loops its cursors cannot spin us. */
export const MAX_PAGES = 100_000;

/** The `after` (for `next`) or `before` (for `previous`) cursor of a link list, if any. */
export function cursorOf(
  links: readonly Link[] | undefined,
  rel: 'next' | 'previous',
  what: string,
): string | undefined {
  const link = links?.find((candidate) => candidate.rel === rel);
  if (link === undefined) return undefined;
  const param = rel === 'next' ? 'after' : 'before';
  let value: string | null;
  try {
    value = new URL(link.href, 'https://link.invalid').searchParams.get(param);
  } catch {
    value = null;
  }
  if (value === null || !CURSOR.test(value)) {
    throw new ResponseSchemaError(what, [
      { path: 'links', message: `${rel} link has no valid '${param}' cursor` },
    ]);
  }
  return value;
}

/** Tracks cursors seen during one listing and refuses a repeat or an endless listing. */
export function cursorGuard(what: string): (cursor: string) => void {
  const seen = new Set<string>();
  return (cursor) => {
    if (seen.has(cursor) || seen.size >= MAX_PAGES) {
      throw new ResponseSchemaError(what, [
        { path: 'links', message: 'the server repeated a page cursor' },
      ]);
    }
    seen.add(cursor);
  };
}
