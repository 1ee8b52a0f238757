/**
 * Identifier checks applied before a value enters a URL path, a filter or a token request.
 * WSO2 organization, agent and role ids are UUIDs; the root organization handle is a tenant
 * domain. Anything else is refused rather than escaped, so a crafted id can never add, remove
 * or climb path segments.
 */
import { z } from 'zod';
import { InvalidInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tenant domains: letters, digits, dots, hyphens and underscores, no leading/trailing dot. */
const HANDLE = /^[a-z0-9](?:[a-z0-9._-]{0,251}[a-z0-9])?$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Returns the id unchanged when it is a UUID; throws `InvalidInputError` naming `field`. */
export function requireUuid(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidInputError(field, 'expected a string');
  if (value === '') throw new InvalidInputError(field, 'empty');
  if (!UUID.test(value)) throw new InvalidInputError(field, 'not a UUID');
  return value;
}

/** Validates a root organization handle (tenant domain) such as `carbon.super`. */
export function requireOrgHandle(value: unknown, field = 'rootOrgHandle'): string {
  if (typeof value !== 'string') throw new InvalidInputError(field, 'expected a string');
  if (value === '') throw new InvalidInputError(field, 'empty');
  if (!HANDLE.test(value) || value.includes('..')) {
    throw new InvalidInputError(field, 'not a valid organization handle');
  }
  return value;
}

/** Validates a list of UUIDs, naming the failing index in the error. */
export function requireUuids(values: readonly unknown[], field: string): string[] {
  return values.map((value, index) => requireUuid(value, `${field}[${index}]`));
}

/** zod form of the UUID check, for request and response schemas. */
export const uuidSchema = z.string().regex(UUID, 'expected a UUID');
