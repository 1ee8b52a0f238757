/** Public surface of the token inspector, for the IPC/host wiring and the UI contract. */
export { inspectToken, maskedPreview } from './inspect';
export type {
  ExpiryInfo,
  HeaderEntry,
  InspectDeps,
  InspectionReport,
  IntrospectionSummary,
} from './inspect';
export { decodeToken, MAX_TOKEN_CHARS, MAX_JSON_DEPTH } from './decode';
export type { DecodeIssue, DecodeResult, DecodedJwt, DecodeWarning } from './decode';
export { verifyJwt } from './verify';
export type {
  VerifyContext,
  VerifyReason,
  VerifyResult,
  VerifyState,
  VerifyWarning,
} from './verify';
export { createJwksResolver } from './jwks';
export type { JwksResolverOptions } from './jwks';
export { ALLOWED_ALGORITHMS } from './keys';
export type { AllowedAlgorithm, KeyQuery, KeyResolution, KeyResolver } from './keys';
export { explainClaims, actorChain, MAX_ACTOR_DEPTH } from './explain';
export type { ClaimExplanation, ClaimOrigin, ActorChain, ActorFlag, ActorLink } from './explain';
export { diffTokens, HIGHLIGHT_CLAIMS } from './diff';
export type { ClaimChange, ClaimDiff, TokenDiff } from './diff';
export { introspectToken, parseIntrospection, IntrospectionSchema } from './introspect';
export type { Introspection, IntrospectionOutcome, IntrospectRequest } from './introspect';
export type { JsonObject, JsonValue } from './json';
