/**
 * Builders for the two filter languages the clients send. The Organization Management API has
 * its own grammar (`parentId eq '<id>'`, conditions joined by `and`, unquoted text values as in
 * the API's examples); SCIM filters (agents, roles) quote string values per RFC 7644 §3.4.2.2.
 * A value that cannot be expressed safely in the target grammar is refused, never passed raw.
 */
import { InvalidInputError } from './errors';
import { requireUuid } from './ids';

export const ORG_FILTER_ATTRIBUTES = [
  'id',
  'name',
  'orgHandle',
  'description',
  'status',
  'parentId',
] as const;
export type OrgFilterAttribute = (typeof ORG_FILTER_ATTRIBUTES)[number];

export const TEXT_OPERATORS = ['eq', 'co', 'sw', 'ew'] as const;
export type TextOperator = (typeof TEXT_OPERATORS)[number];

export interface OrgFilterCondition {
  attribute: OrgFilterAttribute;
  operator: TextOperator;
  value: string;
}

// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ORG_KEYWORD = /(^|\s)(and|or|not)(\s|$)/i;
const MAX_VALUE = 256;

/** The Console's child listing: `parentId eq '<uuid>'` (the id is validated, so no escaping). */
export function parentIdFilter(parentId: string): string {
  return `parentId eq '${requireUuid(parentId, 'parentId')}'`;
}

/**
 * An organization filter of one or more conditions. The org grammar has no documented escape,
 * so text values with quotes, backslashes, control characters, the words `and`/`or`/`not`, or
 * leading/trailing/multiple spaces are refused rather than guessed at.
 */
export function orgFilter(conditions: readonly OrgFilterCondition[]): string {
  if (conditions.length === 0) throw new InvalidInputError('filter', 'no conditions');
  return conditions
    .map((condition, index) => {
      const field = `filter[${index}].value`;
      if (!ORG_FILTER_ATTRIBUTES.includes(condition.attribute)) {
        throw new InvalidInputError(`filter[${index}].attribute`, 'unsupported attribute');
      }
      if (!TEXT_OPERATORS.includes(condition.operator)) {
        throw new InvalidInputError(`filter[${index}].operator`, 'unsupported operator');
      }
      if (condition.attribute === 'id' || condition.attribute === 'parentId') {
        const id = requireUuid(condition.value, field);
        return `${condition.attribute} ${condition.operator} '${id}'`;
      }
      return `${condition.attribute} ${condition.operator} ${orgTextValue(condition.value, field)}`;
    })
    .join(' and ');
}

function orgTextValue(value: string, field: string): string {
  if (typeof value !== 'string' || value === '') throw new InvalidInputError(field, 'empty');
  if (value.length > MAX_VALUE) throw new InvalidInputError(field, 'too long');
  if (CONTROL.test(value)) throw new InvalidInputError(field, 'control characters');
  if (/['"\\]/.test(value)) throw new InvalidInputError(field, 'quotes or backslashes');
  if (value !== value.trim() || /\s{2,}/.test(value) || /[^\S ]/.test(value)) {
    throw new InvalidInputError(field, 'unsupported whitespace');
  }
  if (ORG_KEYWORD.test(value)) throw new InvalidInputError(field, 'contains a filter keyword');
  return value;
}

/** SCIM attribute paths such as `displayName` or `urn:scim:wso2:agent:schema.DisplayName`. */
const SCIM_ATTRIBUTE = /^[A-Za-z][A-Za-z0-9_-]*(?::[A-Za-z0-9_.-]+)*(?:\.[A-Za-z][A-Za-z0-9_-]*)*$/;

export const SCIM_OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew'] as const;
export type ScimOperator = (typeof SCIM_OPERATORS)[number];

/** One SCIM comparison with the value as a JSON string literal (`"` and `\` escaped). */
export function scimFilter(attribute: string, operator: ScimOperator, value: string): string {
  if (!SCIM_ATTRIBUTE.test(attribute) || attribute.length > 200) {
    throw new InvalidInputError('filter.attribute', 'not a SCIM attribute path');
  }
  if (!SCIM_OPERATORS.includes(operator)) {
    throw new InvalidInputError('filter.operator', 'unsupported operator');
  }
  if (typeof value !== 'string' || value === '') {
    throw new InvalidInputError('filter.value', 'empty');
  }
  if (value.length > MAX_VALUE) throw new InvalidInputError('filter.value', 'too long');
  if (CONTROL.test(value)) throw new InvalidInputError('filter.value', 'control characters');
  return `${attribute} ${operator} ${JSON.stringify(value)}`;
}
