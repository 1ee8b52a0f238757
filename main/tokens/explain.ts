/**
 * Plain-language explanations of the claims in a token, with WSO2's own claims (organization
 * and agent claims, `aut`, `act`) beside the standard ones.
 */
import { formatRelative, isoFromSeconds, judgeSeconds, TIME_CLAIMS } from './claims-time';
import { isObject, type JsonObject, type JsonValue } from './json';

export { actorChain, MAX_ACTOR_DEPTH } from './actor-chain';
export type { ActorChain, ActorFlag, ActorLink } from './actor-chain';

export type ClaimOrigin = 'standard' | 'wso2' | 'other';

export interface ClaimExplanation {
  claim: string;
  value: JsonValue;
  meaning: string;
  display: string;
  origin: ClaimOrigin;
  /** List-valued claims (scope, aud) split into their entries. */
  items?: string[];
  /** Set for time claims that are not a usable NumericDate. */
  problem?: string;
}

const STANDARD: Readonly<Record<string, string>> = {
  iss: 'Issuer: the server that issued this token.',
  sub: 'Subject: the user or agent this token is about.',
  aud: 'Audience: who this token is meant for.',
  exp: 'Expiry: the token is not accepted after this time.',
  nbf: 'Not before: the token is not accepted before this time.',
  iat: 'Issued at: when the server created this token.',
  jti: 'Token ID: a unique identifier for this token.',
  scope: 'Scopes: the permissions this token grants.',
  azp: 'Authorized party: the client application the token was issued to.',
  client_id: 'Client ID of the application that requested the token.',
  username: 'User name of the token holder, as reported by introspection.',
  token_type: 'Kind of token, as reported by introspection.',
};

const WSO2: Readonly<Record<string, string>> = {
  aut: 'Authorized type: what kind of party holds this token.',
  org_id: 'Organization ID: the organization this token gives access to.',
  org_name: 'Name of the organization this token gives access to.',
  org_handle: 'Handle (tenant domain) of the organization this token gives access to.',
  agent_org: 'The organization where the agent is defined (its resident organization).',
  user_org: 'The organization where the user is defined (their resident organization).',
  act: 'Actor: the party acting on behalf of the subject (delegation); see the actor chain.',
};

const AUT_MEANINGS: Readonly<Record<string, string>> = {
  AGENT: 'Authorized type: an AI agent acting with its own identity.',
  APPLICATION: 'Authorized type: an application acting for itself (no user).',
  APPLICATION_USER: 'Authorized type: an application acting for a signed-in user.',
};

const ORDER = [...Object.keys(STANDARD), ...Object.keys(WSO2)];
const DISPLAY_LIMIT = 300;

export function explainClaims(payload: JsonObject, now: Date): ClaimExplanation[] {
  const nowSeconds = now.getTime() / 1000;
  const known = ORDER.filter((claim) => Object.hasOwn(payload, claim));
  const others = Object.keys(payload).filter((claim) => !ORDER.includes(claim));

  return [...known, ...others].map((claim) =>
    explainOne(claim, payload[claim] as JsonValue, nowSeconds),
  );
}

function explainOne(claim: string, value: JsonValue, nowSeconds: number): ClaimExplanation {
  const origin: ClaimOrigin = Object.hasOwn(STANDARD, claim)
    ? 'standard'
    : Object.hasOwn(WSO2, claim)
      ? 'wso2'
      : 'other';
  const meaning =
    (claim === 'aut' && typeof value === 'string' && AUT_MEANINGS[value]) ||
    STANDARD[claim] ||
    WSO2[claim] ||
    'Not a standard or WSO2 claim.';
  const entry: ClaimExplanation = { claim, value, meaning, display: displayValue(value), origin };

  if ((TIME_CLAIMS as readonly string[]).includes(claim)) describeTime(entry, value, nowSeconds);
  if (claim === 'scope') entry.items = listOf(value, /\s+/);
  if (claim === 'aud') entry.items = listOf(value);
  if (entry.items !== undefined) entry.display = entry.items.join(', ');
  if (claim === 'act' && isObject(value) && typeof value.sub === 'string') {
    entry.display = `acting party: ${value.sub}`;
  }
  return entry;
}

function describeTime(entry: ClaimExplanation, value: JsonValue, nowSeconds: number): void {
  if (typeof value !== 'number') {
    entry.problem = 'not a number';
    return;
  }
  const reading = judgeSeconds(value);
  if (reading.kind !== 'ok') {
    entry.problem = reading.kind === 'absurd' ? `absurd: ${reading.why}` : 'unreadable';
    entry.display = `${String(value)} (${entry.problem})`;
    return;
  }
  const iso = isoFromSeconds(value) ?? String(value);
  entry.display = `${iso} (${formatRelative(value, nowSeconds)})`;
}

function listOf(value: JsonValue, separator?: RegExp): string[] | undefined {
  if (typeof value === 'string') {
    return separator === undefined ? [value] : value.split(separator).filter((s) => s !== '');
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value;
  }
  return undefined;
}

function displayValue(value: JsonValue): string {
  if (typeof value === 'string') return value;
  const text = typeof value === 'number' ? String(value) : JSON.stringify(value);
  return text.length > DISPLAY_LIMIT ? `${text.slice(0, DISPLAY_LIMIT)}…` : text;
}
