import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the failing field, or `(root)` for the whole value. */
  field: string;
  message: string;
}

/** Turns a zod error into one entry per failing field, named by its path. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
}
