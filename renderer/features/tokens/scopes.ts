/** Scopes typed by the user as one space- or comma-separated line. */

/** RFC 6749 §3.3 scope-token characters: printable ASCII except space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,200}$/;

export interface ParsedScopes {
  scopes: string[];
  /** Says which entry is not a scope token, when one is not. */
  error: string | null;
}

export function parseScopes(text: string): ParsedScopes {
  const scopes = [...new Set(text.split(/[\s,]+/).filter((entry) => entry !== ''))];
  const bad = scopes.find((scope) => !SCOPE_TOKEN.test(scope));
  if (bad !== undefined) return { scopes, error: `“${bad}” is not a valid scope.` };
  if (scopes.length > 100) return { scopes, error: 'At most 100 scopes.' };
  return { scopes, error: null };
}

/** A token shown masked: its first and last characters and its length. */
export function maskToken(token: string): string {
  const trimmed = token.trim();
  if (trimmed.length <= 12)
    return `${'•'.repeat(Math.min(trimmed.length, 8))} (${trimmed.length} chars)`;
  return `${trimmed.slice(0, 6)}…${trimmed.slice(-4)} (${trimmed.length} chars)`;
}
