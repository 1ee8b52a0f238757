import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  type HttpExchange,
  HttpStatusError,
  InvalidRequestError,
} from '../../../main/http';
import { createLogger, type LogRecord } from '../../../main/log/logger';

const ORIGIN = 'https://is.example';
let agent: MockAgent;
let records: LogRecord[];

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  records = [];
});

afterEach(() => agent.close());

function client(onExchange?: (exchange: HttpExchange) => void) {
  let now = 1_000;
  return createHttpClient({
    baseUrl: `${ORIGIN}/prefix`,
    trust: { type: 'system' },
    logger: createLogger('http', { level: 'debug', sinks: [(r) => records.push(r)] }),
    dispatcher: agent,
    clock: () => (now += 5),
    ...(onExchange === undefined ? {} : { onExchange }),
  });
}

describe('error bodies', () => {
  it('reads an OAuth error body', async () => {
    agent
      .get(ORIGIN)
      .intercept({ method: 'POST', path: '/prefix/t/acme/oauth2/token' })
      .reply(401, {
        error: 'invalid_client',
        error_description: 'Client credentials are invalid.',
      });
    const error = await client()
      .request({ method: 'POST', url: '/t/acme/oauth2/token', form: { grant_type: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({
      status: 401,
      oauth: { error: 'invalid_client', error_description: 'Client credentials are invalid.' },
      wso2: undefined,
    });
    expect((error as Error).message).toBe(
      'HTTP 401 invalid_client: Client credentials are invalid.',
    );
  });

  it('reads a WSO2 error body with its trace id', async () => {
    const body = {
      code: 'ASM-60013',
      message: 'Empty agentIds list in agent criteria.',
      description: 'The agentIds list must contain at least one entry.',
      traceId: 'e0fbcfeb-7fc2-4b62-8b82-72d3c5fbcdeb',
    };
    agent.get(ORIGIN).intercept({ method: 'POST', path: '/prefix/share' }).reply(400, body);
    await expect(
      client().request({ method: 'POST', url: '/share', json: {} }),
    ).rejects.toMatchObject({ status: 400, wso2: body });
  });

  it('keeps a short sanitized snippet of an HTML error page', async () => {
    agent
      .get(ORIGIN)
      .intercept({ method: 'GET', path: '/prefix/x' })
      .reply(404, '<html><head><style>p{}</style></head><body>\u202eNot\n\n Found</body></html>', {
        headers: { 'content-type': 'text/html' },
      });
    await expect(client().request({ method: 'GET', url: '/x' })).rejects.toMatchObject({
      status: 404,
      snippet: 'Not Found',
    });
  });

  it('returns an allowed error status as a response with its JSON body', async () => {
    agent
      .get(ORIGIN)
      .intercept({ method: 'GET', path: '/prefix/x?filter=name+eq+a' })
      .reply(404, { code: 'ORG-1', message: 'none' });
    const response = await client().request({
      method: 'GET',
      url: '/x',
      query: { filter: 'name eq a', cursor: undefined },
      allowStatus: [404],
    });
    expect(response).toMatchObject({ status: 404, body: { code: 'ORG-1', message: 'none' } });
  });
});

describe('requests', () => {
  it('refuses a JSON body and a form body together', async () => {
    await expect(
      client().request({ method: 'POST', url: '/x', json: {}, form: { a: 'b' } }),
    ).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('refuses a plain-http base URL', () => {
    expect(() =>
      createHttpClient({
        baseUrl: 'http://is.example',
        trust: { type: 'system' },
        logger: createLogger('x', { sinks: [] }),
      }),
    ).toThrow(InvalidRequestError);
  });

  it('returns text when asked for text', async () => {
    agent.get(ORIGIN).intercept({ method: 'GET', path: '/prefix/t' }).reply(200, 'plain words');
    const response = await client().request({ method: 'GET', url: '/t', expect: 'text' });
    expect(response.body).toBe('plain words');
  });
});

describe('exchange hook and logs', () => {
  it('sees each attempt with timing, status and every secret redacted', async () => {
    const accessToken =
      'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsImV4cCI6MTc2MDAwMDAwMH0.c2lnbmF0dXJlLXZhbHVl';
    agent
      .get(ORIGIN)
      .intercept({ method: 'POST', path: '/prefix/t/acme/oauth2/token' })
      .reply(200, { access_token: accessToken, token_type: 'Bearer', scope: 'a b' });
    const seen: HttpExchange[] = [];
    await client((exchange) => seen.push(exchange)).request({
      method: 'POST',
      url: '/t/acme/oauth2/token',
      form: { grant_type: 'client_credentials', client_secret: 'very-secret-value' },
      basic: { username: 'client-id', password: 'very-secret-value' },
    });

    expect(seen).toHaveLength(1);
    const exchange = seen[0]!;
    expect(exchange).toMatchObject({
      method: 'POST',
      url: `${ORIGIN}/prefix/t/acme/oauth2/token`,
      attempt: 1,
      status: 200,
      durationMs: 5,
    });
    expect(exchange.requestBody).toContain('grant_type=client_credentials');
    expect(exchange.responseBody).toMatchObject({ token_type: 'Bearer', scope: 'a b' });
    const everything = JSON.stringify([exchange, records]);
    expect(everything).not.toContain('very-secret-value');
    expect(everything).not.toContain(accessToken);
    expect(everything).not.toContain(Buffer.from('client-id:very-secret-value').toString('base64'));
    expect(records.some((r) => r.message.includes('POST /prefix/t/acme/oauth2/token'))).toBe(true);
  });

  it('a throwing hook does not break the request', async () => {
    agent.get(ORIGIN).intercept({ method: 'GET', path: '/prefix/ok' }).reply(200, { fine: true });
    const response = await client(() => {
      throw new Error('hook bug');
    }).request({ method: 'GET', url: '/ok' });
    expect(response.body).toEqual({ fine: true });
    expect(records.some((r) => r.level === 'warn' && r.message === 'exchange hook failed')).toBe(
      true,
    );
  });
});
