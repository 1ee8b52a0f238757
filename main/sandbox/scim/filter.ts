/**
 * SCIM filters (RFC 7644 §3.4.2.2) as WSO2 accepts them: `attrPath op value` joined with
 * `and` / `or`, `not (…)` and parentheses; values quoted (`"bjensen"`) or bare words, several
 * bare words joining with single spaces as WSO2's tokenizer does.
 */
import { logicalWord, tokenizeFilter, type FilterToken, type QuotedReader } from '../filter-tokens';
import { scimError, type ReplyError } from '../http';

export type ScimOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le' | 'pr';

export type ScimFilter =
  | { kind: 'compare'; attribute: string; operator: ScimOperator; value: string }
  | { kind: 'and' | 'or'; left: ScimFilter; right: ScimFilter }
  | { kind: 'not'; operand: ScimFilter };

const OPERATORS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr']);

type Token = FilterToken;

export const invalidFilter = (detail = 'Invalid filter.'): ReplyError =>
  scimError(400, detail, 'invalidFilter');

const readQuoted: QuotedReader = (filter, start, quote) => {
  let text = '';
  for (let i = start + 1; i < filter.length; i++) {
    const c = filter[i]!;
    if (c === '\\' && i + 1 < filter.length) {
      text += filter[++i];
    } else if (c === quote) {
      return [text, i + 1];
    } else {
      text += c;
    }
  }
  throw invalidFilter('Invalid filter: unterminated quoted value.');
};

const tokenize = (filter: string): Token[] => tokenizeFilter(filter, readQuoted);

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): ScimFilter {
    const filter = this.or();
    if (this.at < this.tokens.length) throw invalidFilter();
    return filter;
  }

  private or(): ScimFilter {
    let left = this.and();
    while (logicalWord(this.tokens[this.at]) === 'or') {
      this.at++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): ScimFilter {
    let left = this.factor();
    while (logicalWord(this.tokens[this.at]) === 'and') {
      this.at++;
      left = { kind: 'and', left, right: this.factor() };
    }
    return left;
  }

  private factor(): ScimFilter {
    const token = this.tokens[this.at];
    if (logicalWord(token) === 'not') {
      this.at++;
      return { kind: 'not', operand: this.factor() };
    }
    if (token?.kind === 'open') {
      this.at++;
      const inner = this.or();
      if (this.tokens[this.at]?.kind !== 'close') throw invalidFilter();
      this.at++;
      return inner;
    }
    return this.compare();
  }

  private compare(): ScimFilter {
    const attribute = this.tokens[this.at];
    const operator = this.tokens[this.at + 1];
    if (attribute?.kind !== 'word' || logicalWord(attribute) || operator?.kind !== 'word') {
      throw invalidFilter();
    }
    const op = operator.text.toLowerCase();
    if (!OPERATORS.has(op))
      throw invalidFilter(`Invalid filter: unknown operator '${operator.text}'.`);
    this.at += 2;
    const words: string[] = [];
    for (let t = this.tokens[this.at]; t?.kind === 'word' || t?.kind === 'quoted';) {
      if (t.kind === 'word' && logicalWord(t)) break;
      words.push(t.text);
      t = this.tokens[++this.at];
    }
    if (words.length === 0 && op !== 'pr')
      throw invalidFilter('Invalid filter: a value is missing.');
    return {
      kind: 'compare',
      attribute: attribute.text,
      operator: op as ScimOperator,
      value: words.join(' '),
    };
  }
}

export function parseScimFilter(filter: string): ScimFilter {
  if (filter.trim() === '') throw invalidFilter();
  return new Parser(tokenize(filter)).parse();
}

export type ValueTest = (actual: string | undefined) => boolean;

/** The string test of one comparison; `caseExact` false compares case-insensitively. */
export function compareTest(operator: ScimOperator, value: string, caseExact: boolean): ValueTest {
  const norm = (s: string): string => (caseExact ? s : s.toLowerCase());
  const expected = norm(value);
  const tests: Record<ScimOperator, (a: string) => boolean> = {
    eq: (a) => a === expected,
    ne: (a) => a !== expected,
    co: (a) => a.includes(expected),
    sw: (a) => a.startsWith(expected),
    ew: (a) => a.endsWith(expected),
    gt: (a) => a > expected,
    ge: (a) => a >= expected,
    lt: (a) => a < expected,
    le: (a) => a <= expected,
    pr: () => true,
  };
  const test = tests[operator];
  return (actual) => (actual === undefined ? operator === 'ne' : test(norm(actual)));
}
