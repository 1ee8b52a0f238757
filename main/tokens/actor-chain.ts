/**
 * The delegation chain carried in nested `act` claims (RFC 8693 §4.1): the outermost `act` is
 * the party acting now; deeper ones are earlier actors, kept for information only. The chain
 * is walked with a loop and a fixed depth, so a hostile token cannot make it run long.
 */
import { isObject, type JsonObject, type JsonValue } from './json';

export const MAX_ACTOR_DEPTH = 8;

/** Claims with no meaning inside `act` (RFC 8693 §4.1); seeing them hints at a confused issuer. */
const OUT_OF_PLACE = ['exp', 'aud', 'nbf'] as const;

export type ActorFlag = 'has_exp' | 'has_aud' | 'has_nbf' | 'missing_sub' | 'not_an_object';

export interface ActorLink {
  /** 1 = outermost `act`, the current actor. */
  depth: number;
  sub: string | null;
  label: 'current actor' | 'prior (informational)';
  flags: ActorFlag[];
}

export interface ActorChain {
  links: ActorLink[];
  truncated: boolean;
  warnings: string[];
}

export function actorChain(payload: JsonObject): ActorChain {
  const links: ActorLink[] = [];
  const warnings: string[] = [];
  let node: JsonValue | undefined = ownValue(payload, 'act');

  while (node !== undefined && links.length < MAX_ACTOR_DEPTH) {
    const depth = links.length + 1;
    const label = depth === 1 ? 'current actor' : 'prior (informational)';
    if (!isObject(node)) {
      links.push({ depth, sub: null, label, flags: ['not_an_object'] });
      warnings.push(`act at depth ${depth} is not an object`);
      node = undefined;
      break;
    }

    const current: JsonObject = node;
    const flags: ActorFlag[] = OUT_OF_PLACE.filter((claim) => Object.hasOwn(current, claim)).map(
      (claim) => `has_${claim}` as const,
    );
    const sub = typeof node.sub === 'string' ? node.sub : null;
    if (sub === null) flags.push('missing_sub');
    if (flags.some((flag) => flag.startsWith('has_'))) {
      warnings.push(`act at depth ${depth} carries exp/aud/nbf, which do not belong in act`);
    }
    links.push({ depth, sub, label, flags });
    node = ownValue(current, 'act');
  }

  const truncated = node !== undefined && links.length === MAX_ACTOR_DEPTH;
  if (truncated)
    warnings.push(`actor chain is deeper than ${MAX_ACTOR_DEPTH}; the rest is not shown`);
  return { links, truncated, warnings };
}

function ownValue(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
