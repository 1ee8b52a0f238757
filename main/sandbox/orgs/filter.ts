/**
 * The organization list `filter`: `attribute operator value` expressions joined with `and`,
 * values bare (`name eq ABC Builders`) or quoted (`parentId eq '<id>'`). Tokenizing follows
 * WSO2's filter tree builder: words and quoted strings, `and`/`or`/`not`, parentheses; value
 * words are joined with single spaces. Errors carry WSO2's organization error codes.
 */
import { logicalWord, tokenizeFilter, type FilterToken, type QuotedReader } from '../filter-tokens';
import { parseTimestamp } from './timestamps';

export type OrgFilterOperator = 'eq' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

export interface OrgCondition {
  /** Canonical spelling: `name`, `parentId`, … or `attributes.<key>` as sent. */
  attribute: string;
  operator: OrgFilterOperator;
  value: string;
}

export type OrgFilterErrorCode = 'ORG-60022' | 'ORG-60023' | 'ORG-60024' | 'ORG-60059';

export class OrgFilterError extends Error {
  constructor(
    readonly code: OrgFilterErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

const TEXT_ATTRIBUTES = ['id', 'name', 'orgHandle', 'description', 'status', 'parentId'];
const TIME_ATTRIBUTES = ['created', 'lastModified'];
const TEXT_OPERATORS: readonly OrgFilterOperator[] = ['eq', 'co', 'sw', 'ew'];
const TIME_OPERATORS: readonly OrgFilterOperator[] = ['eq', 'gt', 'ge', 'lt', 'le'];
/** Operators the tree builder recognizes; anything else is a malformed filter. */
const KNOWN_OPERATORS = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr']);

type Token = FilterToken;

const invalidFormat = (): OrgFilterError =>
  new OrgFilterError('ORG-60022', 'Invalid format used for filtering.');

/** Quoted values end at the next matching quote; WSO2's organization filter has no escapes. */
const readQuoted: QuotedReader = (filter, start, quote) => {
  const end = filter.indexOf(quote, start + 1);
  if (end < 0) throw invalidFormat();
  return [filter.slice(start + 1, end), end + 1];
};

const tokenize = (filter: string): Token[] => tokenizeFilter(filter, readQuoted);

interface RawExpression {
  attribute: string;
  operator: string;
  value: string;
}

/** Recursive descent over `or` / `and` / `not` / parentheses, collecting `and`-ed terms. */
class Parser {
  private at = 0;
  readonly expressions: RawExpression[] = [];
  complex = false;

  constructor(private readonly tokens: Token[]) {}

  parse(): void {
    this.expression();
    if (this.at < this.tokens.length) throw invalidFormat();
  }

  private expression(): void {
    this.term();
    while (logicalWord(this.tokens[this.at]) === 'or') {
      this.complex = true;
      this.at++;
      this.term();
    }
  }

  private term(): void {
    this.factor();
    while (logicalWord(this.tokens[this.at]) === 'and') {
      this.at++;
      this.factor();
    }
  }

  private factor(): void {
    const token = this.tokens[this.at];
    if (logicalWord(token) === 'not') {
      this.complex = true;
      this.at++;
      this.factor();
    } else if (token?.kind === 'open') {
      this.at++;
      this.expression();
      if (this.tokens[this.at]?.kind !== 'close') throw invalidFormat();
      this.at++;
    } else {
      this.simple();
    }
  }

  private simple(): void {
    const attribute = this.tokens[this.at];
    const operator = this.tokens[this.at + 1];
    if (attribute?.kind !== 'word' || logicalWord(attribute) || operator?.kind !== 'word') {
      throw invalidFormat();
    }
    this.at += 2;
    const words: string[] = [];
    for (let t = this.tokens[this.at]; t && (t.kind === 'word' || t.kind === 'quoted');) {
      if (t.kind === 'word' && logicalWord(t)) break;
      words.push(t.text);
      t = this.tokens[++this.at];
    }
    if (words.length === 0 && operator.text.toLowerCase() !== 'pr') throw invalidFormat();
    this.expressions.push({
      attribute: attribute.text,
      operator: operator.text,
      value: words.join(' '),
    });
  }
}

function canonicalAttribute(attribute: string): string | undefined {
  const lower = attribute.toLowerCase();
  const known = [...TEXT_ATTRIBUTES, ...TIME_ATTRIBUTES].find((a) => a.toLowerCase() === lower);
  if (known) return known;
  if (lower.startsWith('attributes.') && attribute.length > 'attributes.'.length) {
    return `attributes.${attribute.slice('attributes.'.length)}`;
  }
  return undefined;
}

function validate(raw: RawExpression): OrgCondition {
  const operator = raw.operator.toLowerCase();
  if (!KNOWN_OPERATORS.has(operator)) throw invalidFormat();
  const attribute = canonicalAttribute(raw.attribute);
  if (!attribute) {
    throw new OrgFilterError(
      'ORG-60023',
      `The filter attribute '${raw.attribute}' is not supported.`,
    );
  }
  const allowed = TIME_ATTRIBUTES.includes(attribute) ? TIME_OPERATORS : TEXT_OPERATORS;
  if (!allowed.includes(operator as OrgFilterOperator)) {
    throw new OrgFilterError(
      'ORG-60059',
      `The filter operation '${operator}' is not supported for the attribute '${attribute}'.`,
    );
  }
  if (TIME_ATTRIBUTES.includes(attribute) && !parseTimestamp(raw.value)) {
    throw new OrgFilterError(
      'ORG-60022',
      `Invalid timestamp '${raw.value}' for '${attribute}'; use yyyy-mm-dd hh:mm:ss[.f].`,
    );
  }
  return { attribute, operator: operator as OrgFilterOperator, value: raw.value };
}

/** Parses a filter; an empty or blank filter has no conditions. */
export function parseOrgFilter(filter: string | null | undefined): OrgCondition[] {
  if (!filter || filter.trim() === '') return [];
  const parser = new Parser(tokenize(filter));
  parser.parse();
  if (parser.complex) {
    throw new OrgFilterError('ORG-60024', 'The complex query used for filtering is not supported.');
  }
  return parser.expressions.map(validate);
}
