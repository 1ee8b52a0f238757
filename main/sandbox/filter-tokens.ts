/**
 * The tokens of WSO2's filter expressions, shared by the organization filter and SCIM
 * filters: bare words, quoted strings, parentheses. The two differ only in how a quoted
 * string is read (SCIM honours backslash escapes, the organization filter does not), so each
 * passes its own reader.
 */
export type FilterToken =
  | { kind: 'word'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'open' }
  | { kind: 'close' };

/** Reads the quoted string opening at `start`: its text and the index just after it. */
export type QuotedReader = (filter: string, start: number, quote: string) => [string, number];

export function tokenizeFilter(filter: string, readQuoted: QuotedReader): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < filter.length) {
    const c = filter[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'open' : 'close' });
      i++;
    } else if (c === "'" || c === '"') {
      const [text, next] = readQuoted(filter, i, c);
      tokens.push({ kind: 'quoted', text });
      i = next;
    } else {
      let end = i;
      while (end < filter.length && !/[\s()'"]/.test(filter[end]!)) end++;
      tokens.push({ kind: 'word', text: filter.slice(i, end) });
      i = end;
    }
  }
  return tokens;
}

/** `and`, `or` or `not` (any case) when the token is that word, in lower case. */
export function logicalWord(token: FilterToken | undefined): string | undefined {
  return token?.kind === 'word' && /^(and|or|not)$/i.test(token.text)
    ? token.text.toLowerCase()
    : undefined;
}
