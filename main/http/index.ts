/**
 * HTTP access to one profile's server.
 *
 * - `createHttpClient(options): HttpClient` — one keep-alive undici dispatcher per profile.
 *   `options`: `baseUrl` (https only), `trust` (`{type:'system'}` | `{type:'ca', pem}` |
 *   `{type:'pin', sha256}`), `proxyUrl?` (HTTP CONNECT proxy), `timeouts?` (`connectMs`,
 *   `headersMs`, `bodyMs`), `maxResponseBytes?` (default 20 MB), `retry?` (`maxAttempts`,
 *   `baseDelayMs`, `maxDelayMs`, `maxRetryAfterMs` = 30 s), `maxRedirects?`, `logger`,
 *   `clock?`/`sleep?`/`random?` (injected for tests), `onExchange?`, `dispatcher?` (tests).
 * - `HttpClient.request({ method, url, query?, headers?, json? | form?, bearer? | basic?,
 *   signal?, expect?: 'json'|'text'|'none', allowStatus?, onExchange? })` →
 *   `{ status, headers, body, url }`. `url` is a path under `baseUrl` or an absolute URL on
 *   the same origin. Statuses ≥ 300 throw `HttpStatusError` unless listed in `allowStatus`.
 *   Same-origin redirects are followed for GET/HEAD; GET/HEAD are retried on 429/502/503/504
 *   and connection resets with backoff + jitter honouring `Retry-After`; writes never repeat.
 * - `HttpClient.close()` — closes the dispatcher's connections.
 * - `probeCertificate({ url, trust?, proxyUrl?, timeoutMs? })` → `CertificateProbe`: the
 *   leaf's SHA-256 fingerprint, names, validity, `selfSigned`, `trusted`, PEM — for
 *   trust-on-first-use. Sends no request.
 * - Errors (all `HttpError` with a stable `code` and `cause`): `TlsError` (`reason`:
 *   untrusted | pin-mismatch | hostname | expired | handshake, `presentedSha256?`),
 *   `TimeoutError` (`phase`), `TooLargeError`, `NotJsonError` (`status`, `snippet`),
 *   `HttpStatusError` (`status`, `wso2?`, `oauth?`, `snippet?`), `NetworkError` (`kind`),
 *   `RedirectError` (`reason`, `location?`), `AbortedError`, `InvalidRequestError`.
 * - `HttpExchange` — the redacted record of each attempt given to `onExchange` hooks.
 * - `normalizeSha256`, `shortSha256` — fingerprint formatting (`AB:CD:…`).
 */
export { createHttpClient } from './client';
export type {
  AttemptOutcome,
  HttpClient,
  HttpClientOptions,
  HttpRequest,
  HttpResponse,
} from './client';
export type { HttpMethod, QueryValue } from './request-parts';
export type { Timeouts } from './dispatcher';
export { DEFAULT_TIMEOUTS } from './dispatcher';
export type { RetryPolicy } from './retry';
export { DEFAULT_RETRY, parseRetryAfter } from './retry';
export { DEFAULT_MAX_RESPONSE_BYTES } from './body';
export type { Trust } from './trust';
export { normalizeSha256, shortSha256 } from './trust';
export { probeCertificate } from './probe';
export type { CertificateProbe, ProbeOptions } from './probe';
export type { ExchangeHook, HttpExchange } from './exchange';
export {
  AbortedError,
  HttpError,
  HttpStatusError,
  InvalidRequestError,
  NetworkError,
  NotJsonError,
  RedirectError,
  TimeoutError,
  TlsError,
  TooLargeError,
} from './errors';
export type {
  HttpErrorCode,
  NetworkFailure,
  OAuthErrorBody,
  RedirectFailure,
  TimeoutPhase,
  TlsFailure,
  Wso2ErrorBody,
} from './errors';
