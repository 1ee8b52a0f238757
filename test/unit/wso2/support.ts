/**
 * A MockAgent behind the real HTTP client, with a recorder of every request the clients send.
 * Routes match on method and pathname; the query, headers and body are recorded for asserts.
 */
import { MockAgent } from 'undici';
import { createHttpClient, type HttpClient } from '../../../main/http';
import { createLogger, type LogRecord } from '../../../main/log/logger';
import { type BearerSource, type Wso2Api, createWso2Api } from '../../../main/wso2/api';

export const ORIGIN = 'https://is.example';
export const ROOT = 'carbon.super';

export interface RecordedRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeTokens extends BearerSource {
  asked: (string | undefined)[];
  invalidated: { orgId: string | undefined; token: string }[];
}

/** Root token `root-token-<n>`, org tokens `org-token-<orgId>-<n>`; n grows on invalidation. */
export function fakeTokens(): FakeTokens {
  const generation = new Map<string, number>();
  const asked: (string | undefined)[] = [];
  const invalidated: { orgId: string | undefined; token: string }[] = [];
  const name = (orgId: string | undefined) =>
    orgId === undefined ? 'root-token' : `org-token-${orgId}`;
  return {
    asked,
    invalidated,
    token: (orgId) => {
      asked.push(orgId);
      return Promise.resolve(`${name(orgId)}-${generation.get(name(orgId)) ?? 0}`);
    },
    invalidate: (orgId, token) => {
      invalidated.push({ orgId, token });
      generation.set(name(orgId), (generation.get(name(orgId)) ?? 0) + 1);
    },
  };
}

function headerRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === null || typeof headers !== 'object') return out;
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    out[key.toLowerCase()] = String(value);
  }
  return out;
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/json')) return JSON.parse(raw) as unknown;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  return raw;
}

export interface Harness {
  agent: MockAgent;
  http: HttpClient;
  api: Wso2Api;
  tokens: FakeTokens;
  requests: RecordedRequest[];
  logs: LogRecord[];
  route(
    method: string,
    pathname: string,
    reply: Reply | ((req: RecordedRequest) => Reply),
    times?: number,
  ): void;
  /** Fails when an expected request was not made (unexpected ones fail at request time). */
  assertDone(): void;
  close(): Promise<void>;
}

export function harness(): Harness {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const logs: LogRecord[] = [];
  const logger = createLogger('test', { level: 'debug', sinks: [(record) => logs.push(record)] });
  const http = createHttpClient({
    baseUrl: ORIGIN,
    trust: { type: 'system' },
    logger,
    dispatcher: agent,
    retry: { maxAttempts: 1 },
  });
  const tokens = fakeTokens();
  const api = createWso2Api({ transport: http, rootOrgHandle: ROOT, tokens, logger });
  const requests: RecordedRequest[] = [];

  const route: Harness['route'] = (method, pathname, reply, times = 1) => {
    agent
      .get(ORIGIN)
      .intercept({ method, path: (path: string) => new URL(path, ORIGIN).pathname === pathname })
      .reply((options) => {
        const url = new URL(options.path, ORIGIN);
        const headers = headerRecord(options.headers);
        const rawBody = typeof options.body === 'string' ? options.body : '';
        const recorded: RecordedRequest = {
          method: options.method,
          pathname: url.pathname,
          query: url.searchParams,
          headers,
          body: parseBody(rawBody, headers['content-type']),
          rawBody,
        };
        requests.push(recorded);
        const answer = typeof reply === 'function' ? reply(recorded) : reply;
        return {
          statusCode: answer.status,
          data: answer.body === undefined ? '' : JSON.stringify(answer.body),
          responseOptions: {
            headers: { 'content-type': 'application/json', ...answer.headers },
          },
        };
      })
      .times(times);
  };

  return {
    agent,
    http,
    api,
    tokens,
    requests,
    logs,
    route,
    assertDone: () => agent.assertNoPendingInterceptors(),
    close: async () => {
      await http.close();
      await agent.close();
    },
  };
}

export const uuid = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
