/**
 * The HTTP client every main-process service uses to reach a profile's server: one keep-alive
 * dispatcher, the profile's trust, typed errors, a response size cap, same-origin redirects
 * and retries of reads only.
 */
import type { Dispatcher } from 'undici';
import type { Logger } from '../log/logger';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  type ParsedText,
  parseJsonBody,
  parseText,
  readCapped,
  statusError,
} from './body';
import { classifyError } from './classify';
import { createDispatcher, DEFAULT_TIMEOUTS, type Timeouts } from './dispatcher';
import { HttpError, InvalidRequestError } from './errors';
import {
  type ExchangeHook,
  type HttpExchange,
  flattenHeaders,
  redactHeaders,
  redactRequestBody,
  redactResponseBody,
  redactUrl,
} from './exchange';
import { followRedirect, isRedirect } from './redirect';
import {
  buildHeaders,
  displayUrl,
  encodeBody,
  type HttpMethod,
  type QueryValue,
  type RequestBodyParts,
  resolveUrl,
} from './request-parts';
import {
  DEFAULT_RETRY,
  defaultSleep,
  isRepeatableMethod,
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter,
  retryDelayMs,
  type RetryPolicy,
} from './retry';
import type { Trust } from './trust';

/** How one attempt ended: the server's status, or the transport error that stopped it. */
export type AttemptOutcome = { status: number } | { error: { code: string; message: string } };

export interface HttpClientOptions {
  baseUrl: string;
  trust: Trust;
  proxyUrl?: string | undefined;
  timeouts?: Partial<Timeouts>;
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  maxRedirects?: number;
  logger: Logger;
  /** Milliseconds since the epoch; injected so retry waits and timings are testable. */
  clock?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  onExchange?: ExchangeHook;
  /**
   * Told only how each attempt ended (a status, or a transport error code); cheap enough for
   * every request, unlike the full redacted record of `onExchange`.
   */
  onOutcome?: (outcome: AttemptOutcome) => void;
  /** Replaces the profile dispatcher (tests pass undici's MockAgent); not closed by `close`. */
  dispatcher?: Dispatcher;
  userAgent?: string;
}

export interface HttpRequest extends RequestBodyParts {
  method: HttpMethod;
  /** A path under the base URL (`/t/{root}/...`) or an absolute URL on the same origin. */
  url: string;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Statuses ≥ 300 to return as a response instead of throwing `HttpStatusError`. */
  allowStatus?: readonly number[];
  onExchange?: ExchangeHook;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
  /** The final URL after same-origin redirects. */
  url: string;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

type Expect = 'json' | 'text' | 'none';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Dispatcher.ResponseData['body'];
}

/** A response whose body has been read in full (within the size cap). */
interface Received {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The text parsed as JSON, once, for whichever of the record and the caller asks first. */
  parsed?: ParsedText;
}

function parsedOf(received: Received): ParsedText {
  received.parsed ??= parseText(received.text);
  return received.parsed;
}

function exchangeOf(
  req: HttpRequest,
  url: URL,
  headers: Record<string, string>,
  attempt: number,
  started: number,
  durationMs: number,
  outcome: Received | HttpError,
): HttpExchange {
  const record: HttpExchange = {
    method: req.method,
    url: redactUrl(url),
    attempt,
    startedAt: new Date(started).toISOString(),
    durationMs,
    requestHeaders: redactHeaders(headers),
    requestBody: redactRequestBody(req.json, req.form),
  };
  if (outcome instanceof HttpError) {
    record.error = { code: outcome.code, message: outcome.message };
    return record;
  }
  record.status = outcome.status;
  record.responseHeaders = redactHeaders(outcome.headers);
  const parsed = parsedOf(outcome);
  record.responseBody = redactResponseBody(
    parsed.json ? { json: parsed.value } : { text: outcome.text },
  );
  return record;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'https:') {
    throw new InvalidRequestError(`The server URL must use https: (got ${base.protocol}).`);
  }
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const userAgent = options.userAgent ?? 'ShareDesk';
  const log = options.logger;
  const ownDispatcher = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ??
    createDispatcher({ trust: options.trust, proxyUrl: options.proxyUrl, timeouts });

  /** Hands the attempt's record to the hooks; the record is built only when one listens. */
  const report = (
    req: HttpRequest,
    outcome: HttpError | { status: number },
    exchange: () => HttpExchange,
  ): void => {
    options.onOutcome?.(
      outcome instanceof HttpError
        ? { error: { code: outcome.code, message: outcome.message } }
        : { status: outcome.status },
    );
    if (options.onExchange === undefined && req.onExchange === undefined) return;
    const record = exchange();
    for (const hook of [options.onExchange, req.onExchange]) {
      if (hook === undefined) continue;
      try {
        hook(record);
      } catch (error) {
        log.warn('exchange hook failed', { error });
      }
    }
  };

  const send = async (
    method: HttpMethod,
    url: URL,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<RawResponse> => {
    const response = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method,
      headers,
      body: body ?? null,
      signal: signal ?? null,
    });
    return {
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      body: response.body,
    };
  };

  const readText = async (raw: RawResponse, method: HttpMethod, url: URL, expect: Expect) => {
    if (expect === 'none' || method === 'HEAD' || isRedirect(raw.status)) {
      await raw.body.dump();
      return '';
    }
    const context = { method, url: displayUrl(url) };
    const buffer = await readCapped(raw.body, raw.headers['content-length'], maxBytes, context);
    return buffer.toString('utf8');
  };

  const decode = (outcome: Received, method: HttpMethod, url: URL, expect: Expect): unknown => {
    if (expect === 'none' || method === 'HEAD') return undefined;
    if (expect === 'text') return outcome.text;
    const context = { method, url: displayUrl(url) };
    const type = outcome.headers['content-type'];
    return parseJsonBody(outcome.text, outcome.status, type, context, outcome.parsed);
  };

  /** One round trip: the response with its whole body, or the typed error that ended it. */
  const attempt = async (
    req: HttpRequest,
    url: URL,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<Received | HttpError> => {
    const expect = req.expect ?? 'json';
    try {
      const raw = await send(req.method, url, headers, body, req.signal);
      const text = await readText(raw, req.method, url, expect);
      return { status: raw.status, headers: raw.headers, text };
    } catch (error) {
      return classifyError(error, { method: req.method, url: displayUrl(url) });
    }
  };

  const wait = async (ms: number, req: HttpRequest, url: URL, why: string, next: number) => {
    log.warn(`retrying ${req.method} ${url.pathname} after ${why} in ${ms} ms`, { attempt: next });
    try {
      await sleep(ms, req.signal);
    } catch (reason) {
      throw classifyError(reason, { method: req.method, url: displayUrl(url) });
    }
  };

  const request = async (req: HttpRequest): Promise<HttpResponse> => {
    const { method } = req;
    const expect = req.expect ?? 'json';
    const headers = buildHeaders(req, userAgent);
    const body = encodeBody(req);
    const repeatable = isRepeatableMethod(method);
    let url = resolveUrl(base, req.url, req.query, method);
    let tries = 0;
    let redirects = 0;

    for (let exchangeNo = 1; ; exchangeNo += 1) {
      tries += 1;
      const started = clock();
      const outcome = await attempt(req, url, headers, body);
      const elapsed = clock() - started;
      report(req, outcome, () =>
        exchangeOf(req, url, headers, exchangeNo, started, elapsed, outcome),
      );

      if (outcome instanceof HttpError) {
        log.debug(`${method} ${url.pathname} failed: ${outcome.code}`, { ms: elapsed });
        if (repeatable && isRetryableError(outcome) && tries < retry.maxAttempts) {
          await wait(
            retryDelayMs(retry, tries, undefined, random),
            req,
            url,
            outcome.code,
            tries + 1,
          );
          continue;
        }
        throw outcome;
      }
      log.debug(`${method} ${url.pathname} → ${outcome.status}`, { ms: elapsed });

      if (isRedirect(outcome.status)) {
        redirects += 1;
        const location = outcome.headers.location;
        url = followRedirect(url, location, outcome.status, method, redirects, maxRedirects);
        tries -= 1;
        continue;
      }

      if (isRetryableStatus(outcome.status) && repeatable && tries < retry.maxAttempts) {
        const retryAfter = parseRetryAfter(outcome.headers['retry-after'], clock());
        const ms = retryDelayMs(retry, tries, retryAfter, random);
        await wait(ms, req, url, `HTTP ${outcome.status}`, tries + 1);
        continue;
      }

      const allowed = outcome.status < 300 || (req.allowStatus ?? []).includes(outcome.status);
      if (!allowed) {
        throw statusError(outcome.status, outcome.text, { method, url: displayUrl(url) });
      }
      const value = decode(outcome, method, url, expect);
      return { status: outcome.status, headers: outcome.headers, body: value, url: url.toString() };
    }
  };

  return {
    request,
    close: async () => {
      if (ownDispatcher) await dispatcher.close();
    },
  };
}
