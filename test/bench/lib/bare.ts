/**
 * The floor every client-side figure is compared with: plain undici requests over one
 * keep-alive dispatcher that trusts the sandbox's certificate, bodies only `JSON.parse`d — no
 * schemas, no retries, no token management, no logging.
 */
import { Agent, request } from 'undici';

export interface BareResponse {
  status: number;
  body: unknown;
}

export interface BareClient {
  get(pathAndQuery: string, bearer: string): Promise<BareResponse>;
  postJson(
    path: string,
    body: unknown,
    bearer: string,
    method?: 'POST' | 'PATCH',
  ): Promise<BareResponse>;
  postForm(path: string, form: Record<string, string>, basic: string): Promise<BareResponse>;
  close(): Promise<void>;
}

function isConnectionReset(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET';
}

export function basicAuth(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

export function createBareClient(baseUrl: string, caPem: string): BareClient {
  const dispatcher = new Agent({ connect: { ca: caPem }, keepAliveTimeout: 30_000 });
  const send = async (
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<BareResponse> => {
    const options = { method, headers, ...(body === undefined ? {} : { body }), dispatcher };
    const url = new URL(path, baseUrl);
    // A keep-alive connection the server closes just as it is reused fails with a reset
    // before any answer; browsers send the request again then, once, and so does this loop.
    const response = await request(url, options).catch((error: unknown) => {
      if (!isConnectionReset(error)) throw error;
      return request(url, options);
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: text === '' ? undefined : JSON.parse(text) };
  };
  return {
    get: (pathAndQuery, bearer) =>
      send('GET', pathAndQuery, { authorization: `Bearer ${bearer}`, accept: 'application/json' }),
    postJson: (path, body, bearer, method = 'POST') =>
      send(
        method,
        path,
        { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        JSON.stringify(body),
      ),
    postForm: (path, form, basic) =>
      send(
        'POST',
        path,
        { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        new URLSearchParams(form).toString(),
      ),
    close: () => dispatcher.close(),
  };
}

/** The `after` cursor of a WSO2 `links` array's `next` entry, if any. */
export function nextCursor(body: unknown): string | undefined {
  const links = (body as { links?: { rel?: string; href?: string }[] } | undefined)?.links;
  const href = links?.find((link) => link.rel === 'next')?.href;
  if (href === undefined) return undefined;
  return new URL(href, 'https://cursor.invalid').searchParams.get('after') ?? undefined;
}
