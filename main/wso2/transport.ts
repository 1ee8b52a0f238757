/**
 * The narrow slice of the profile's HTTP client that the WSO2 clients use. Declaring it here
 * keeps every client testable against the real client (through undici's MockAgent) and lets
 * the wiring pass the profile's `HttpClient` unchanged.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

export interface TransportRequest {
  method: HttpMethod;
  /** Absolute, or relative to the profile's base URL. */
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: Record<string, string>;
  bearer?: string;
  /** HTTP Basic client authentication; never together with `bearer`. */
  basic?: { username: string; password: string };
  signal?: AbortSignal;
  expect?: 'json' | 'text' | 'none';
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  url: string;
}

export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
}
