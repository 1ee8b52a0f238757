/**
 * The token inspector's single entry point: decode, verify, explain, draw the actor chain and
 * optionally introspect, returning a report that is safe to hand to the renderer. The report
 * never holds the raw token or its signature, only a masked preview.
 */
import type { Logger } from '../log/logger';
import { redactString } from '../log/redact';
import { actorChain, type ActorChain } from './actor-chain';
import { formatRelative, isoFromSeconds, readTimeClaim } from './claims-time';
import { decodeToken, type DecodeIssue } from './decode';
import { explainClaims, type ClaimExplanation } from './explain';
import { introspectToken, KNOWN_INTROSPECTION_FIELDS } from './introspect';
import { defineOwn, type JsonObject, type JsonValue } from './json';
import type { KeyResolver } from './keys';
import {
  verifyJwt,
  type VerifyContext,
  type VerifyReason,
  type VerifyResult,
  type VerifyWarning,
} from './verify';

export interface InspectDeps {
  clock: () => Date;
  /** Issuer keys and expectations; without them the signature stays unverifiable. */
  verification?: Omit<VerifyContext, 'clock'>;
  /** Posts a form to the issuer's introspection endpoint; when given, the server is asked too. */
  introspect?: (form: Record<string, string>) => Promise<unknown>;
  logger?: Logger;
}

export interface HeaderEntry {
  name: string;
  value: JsonValue;
  display: string;
}

export interface ExpiryInfo {
  state: 'valid' | 'expired' | 'not_yet_valid' | 'no_expiry' | 'unreadable';
  expiresAt?: string;
  relative?: string;
}

export interface IntrospectionSummary {
  state: 'active' | 'inactive' | 'failed';
  claims: ClaimExplanation[];
  /** Names of fields the server sent beyond RFC 7662 and WSO2's; values are withheld. */
  otherFields: string[];
  problem?: string;
}

/**
 * Safe to send to the renderer. Known shortcoming: a non-finite claim value (e.g. `exp: 1e400`)
 * is kept as Infinity, which JSON transports turn into null; its `display` text still says so.
 */
export interface InspectionReport {
  kind: 'jwt' | 'opaque' | 'malformed';
  /** e.g. `eyJhbGciOi…x8Q (1234 chars)`. */
  preview: string;
  length: number;
  header: HeaderEntry[];
  claims: ClaimExplanation[];
  actorChain: ActorChain;
  verification: Pick<VerifyResult, 'state' | 'signature'> & {
    reasons: VerifyReason[];
    warnings: VerifyWarning[];
  };
  expiry: ExpiryInfo;
  problems: DecodeIssue[];
  warnings: string[];
  introspection?: IntrospectionSummary;
}

const NO_KEYS: KeyResolver = {
  resolve: () =>
    Promise.resolve({ kind: 'unavailable', message: 'no issuer is configured to check against' }),
};

/** Never throws; every failure becomes part of the report. */
export async function inspectToken(raw: string, deps: InspectDeps): Promise<InspectionReport> {
  const token = raw.trim();
  const now = deps.clock();
  const decoded = decodeToken(raw);
  const verification = await verifyJwt(decoded, {
    keyResolver: NO_KEYS,
    clockToleranceSec: 60,
    ...deps.verification,
    clock: deps.clock,
  });

  const payload: JsonObject = decoded.kind === 'jwt' ? decoded.payload : {};
  const report: InspectionReport = {
    kind: decoded.kind,
    preview: maskedPreview(token),
    length: token.length,
    header: decoded.kind === 'jwt' ? headerEntries(decoded.header) : [],
    claims: explainClaims(payload, now),
    actorChain: actorChain(payload),
    verification,
    expiry: decoded.kind === 'jwt' ? expiryOf(payload, now) : { state: 'unreadable' },
    problems: decoded.kind === 'malformed' ? decoded.reasons : [],
    warnings: [],
  };
  if (decoded.kind === 'jwt') report.warnings.push(...decoded.warnings.map((w) => w.message));
  report.warnings.push(...verification.warnings.map((w) => w.message));
  report.warnings.push(...report.actorChain.warnings);

  if (deps.introspect !== undefined && decoded.kind !== 'malformed') {
    report.introspection = await introspectionSummary(token, deps.introspect, now);
  }
  deps.logger?.info('token inspected', {
    kind: report.kind,
    length: report.length,
    state: verification.state,
  });
  return report;
}

export function maskedPreview(token: string): string {
  const shown =
    token.length >= 24 ? `${token.slice(0, 10)}…${token.slice(-3)}` : `${token.slice(0, 4)}…`;
  return `${shown} (${token.length} chars)`;
}

function headerEntries(header: JsonObject): HeaderEntry[] {
  return Object.keys(header).map((name) => {
    const value = header[name] as JsonValue;
    const display = typeof value === 'string' ? value : JSON.stringify(value);
    return { name, value, display: display.length > 300 ? `${display.slice(0, 300)}…` : display };
  });
}

function expiryOf(payload: JsonObject, now: Date): ExpiryInfo {
  const nowSeconds = now.getTime() / 1000;
  const exp = readTimeClaim(payload, 'exp');
  if (exp.kind === 'absent') return { state: 'no_expiry' };
  if (exp.kind !== 'ok') return { state: 'unreadable' };

  const nbf = readTimeClaim(payload, 'nbf');
  let state: ExpiryInfo['state'] = nowSeconds >= exp.seconds ? 'expired' : 'valid';
  if (state === 'valid' && nbf.kind === 'ok' && nowSeconds < nbf.seconds) state = 'not_yet_valid';
  const expiresAt = isoFromSeconds(exp.seconds);
  const relative = formatRelative(exp.seconds, nowSeconds);
  return expiresAt === undefined ? { state, relative } : { state, expiresAt, relative };
}

async function introspectionSummary(
  token: string,
  post: (form: Record<string, string>) => Promise<unknown>,
  now: Date,
): Promise<IntrospectionSummary> {
  let outcome;
  try {
    outcome = await introspectToken({ token, post });
  } catch (error) {
    const message = error instanceof Error ? redactString(error.message) : 'unknown error';
    return { state: 'failed', claims: [], otherFields: [], problem: `request failed: ${message}` };
  }
  if (!outcome.ok) {
    const problem = outcome.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return { state: 'failed', claims: [], otherFields: [], problem };
  }

  const known: JsonObject = {};
  const otherFields: string[] = [];
  for (const [field, value] of Object.entries(outcome.value)) {
    if (!KNOWN_INTROSPECTION_FIELDS.includes(field)) otherFields.push(field);
    else if (field !== 'active' && value !== undefined) defineOwn(known, field, value as JsonValue);
  }
  return {
    state: outcome.value.active ? 'active' : 'inactive',
    claims: explainClaims(known, now),
    otherFields,
  };
}
