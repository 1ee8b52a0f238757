/**
 * Parsing of response bodies with zod. Every client parses what the server sent before using
 * it, and a mismatch names the failing field (`organizations[3].id`) in `ResponseSchemaError`.
 */
import type { z } from 'zod';
import { ResponseSchemaError, type SchemaIssue } from './errors';

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Parses `body` with `schema`; `what` names the response in the error ("organization list"). */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  body: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues: SchemaIssue[] = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  throw new ResponseSchemaError(what, issues);
}
