/**
 * A small HTTPS client for the OAuth tests: trusts only the sandbox's certificate, never
 * follows redirects (tests read `Location` themselves) and keeps a cookie jar like a browser.
 */
import { Agent, request } from 'undici';

export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  json(): Record<string, unknown>;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  form?: Record<string, string>;
  jsonBody?: unknown;
  basic?: { clientId: string; clientSecret: string };
  /** Send and store cookies (default true). */
  cookies?: boolean;
}

export function basicHeader(clientId: string, clientSecret: string): string {
  const encode = (v: string): string => encodeURIComponent(v);
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

export class HttpsClient {
  private readonly dispatcher: Agent;
  private readonly jar = new Map<string, string>();

  constructor(
    readonly origin: string,
    caPem: string,
  ) {
    this.dispatcher = new Agent({ connect: { ca: caPem, rejectUnauthorized: true } });
  }

  clearCookies(): void {
    this.jar.clear();
  }

  async send(pathOrUrl: string, options: RequestOptions = {}): Promise<HttpResult> {
    const url = new URL(pathOrUrl, this.origin);
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.jsonBody !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.jsonBody);
    }
    if (options.basic) {
      headers.authorization = basicHeader(options.basic.clientId, options.basic.clientSecret);
    }
    const useCookies = options.cookies ?? true;
    if (useCookies && this.jar.size > 0) {
      headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const response = await request(url, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      dispatcher: this.dispatcher,
    });
    const text = await response.body.text();
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join('\n') : value;
    }
    if (useCookies) this.storeCookies(response.headers['set-cookie']);
    return {
      status: response.statusCode,
      headers: flat,
      text,
      json: () => JSON.parse(text) as Record<string, unknown>,
    };
  }

  private storeCookies(setCookie: string | string[] | undefined): void {
    if (setCookie === undefined) return;
    for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq > 0) this.jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
