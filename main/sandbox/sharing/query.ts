/**
 * The query of `GET /agents/{agentId}/share`, checked the way WSO2 checks it: the agent id,
 * `limit` and the cursors in the REST layer (`ASM-`), `attributes` in the service (`OAS-10030`).
 */
import { isUuid } from '../http';
import { sharingError } from './errors';
import type { LinkParams, ShareListQuery } from './view';

const SUPPORTED_ATTRIBUTES = new Set(['roles', 'sharingMode']);
const INT32_MAX = 2 ** 31 - 1;

export interface ParsedShareQuery {
  list: Omit<ShareListQuery, 'callingOrgId'>;
  /** What the links echo: only the parameters the request gave, as WSO2 builds them. */
  echo: Omit<LinkParams, 'base'>;
}

export function parseShareQuery(
  agentId: string,
  query: URLSearchParams,
  traceId: string,
): ParsedShareQuery {
  if (!isUuid(agentId)) throw sharingError('invalidUuid', traceId);

  const limitText = query.get('limit');
  let limit: number | undefined;
  if (limitText !== null && limitText !== '') {
    limit = parseJavaInt(limitText);
    if (limit === undefined || limit < 0) throw sharingError('invalidLimit', traceId);
  }
  const after = decodeCursor(query.get('after'));
  const before = decodeCursor(query.get('before'));
  if (after === undefined || before === undefined) throw sharingError('invalidCursor', traceId);

  const recursiveText = query.get('recursive');
  // A JAX-RS Boolean parameter: anything but "true" (any case) reads as false.
  const recursive = recursiveText === null ? undefined : recursiveText.toLowerCase() === 'true';
  const attributesText = query.get('attributes') ?? undefined;
  const attributes = splitAttributes(attributesText);
  if (attributes.some((name) => !SUPPORTED_ATTRIBUTES.has(name))) {
    throw sharingError('attributeUnsupported', traceId);
  }
  const filter = query.get('filter') ?? undefined;

  return {
    list: {
      agentId,
      limit: limit ?? 0,
      after,
      before,
      recursive: recursive ?? true,
      withRoles: attributes.includes('roles'),
      withSharingMode: attributes.includes('sharingMode'),
    },
    echo: { agentId, limit, filter, recursive, attributes: attributesText },
  };
}

function splitAttributes(text: string | undefined): string[] {
  if (!text) return [];
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return [...new Set(names)];
}

/** Base64 of a decimal integer; absent ⇒ 0; anything else ⇒ undefined (ASM-60011). */
function decodeCursor(cursor: string | null): number | undefined {
  if (cursor === null) return 0;
  const unpadded = cursor.replace(/={1,2}$/, '');
  const padded = unpadded !== cursor;
  if (!/^[A-Za-z0-9+/]*$/.test(unpadded) || unpadded.length % 4 === 1) return undefined;
  if (padded && cursor.length % 4 !== 0) return undefined;
  return parseJavaInt(Buffer.from(unpadded, 'base64').toString('utf8'));
}

/** `Integer.parseInt`: an optional sign, decimal digits, within 32 bits. */
function parseJavaInt(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value > INT32_MAX || value < -INT32_MAX - 1 ? undefined : value;
}
