/**
 * Serves the built UI from `app://sharedesk/`. Paths are resolved inside the bundle folder
 * and anything that escapes it (`..`, encoded dots, absolute paths, symlinks) is refused.
 */
import { realpath, readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { contentSecurityPolicy } from '../app/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The file inside `root` a request path names, or undefined when it would leave `root`. */
export async function resolveBundlePath(
  root: string,
  pathname: string,
): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relativePath =
    decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (isAbsolute(relativePath) || relativePath.split('/').some((part) => part === '..')) {
    return undefined;
  }
  const candidate = join(root, relativePath);
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    const rel = relative(realRoot, realFile);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
      return undefined;
    return realFile;
  } catch {
    return undefined;
  }
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Reads a bundle file for a request path, with the CSP and security headers. */
export async function serveBundleFile(
  root: string,
  pathname: string,
  host: 'electron' | 'browser',
): Promise<StaticResponse> {
  const file = await resolveBundlePath(root, pathname);
  const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(host) };
  if (!file)
    return {
      status: 404,
      headers: { ...headers, 'Content-Type': 'text/plain' },
      body: 'Not found',
    };
  const body = await readFile(file);
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  return { status: 200, headers: { ...headers, 'Content-Type': type }, body };
}

/** The `protocol.handle` callback for `app://`. */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'sharedesk' || request.method !== 'GET') {
      return new Response('Bad request', { status: 400 });
    }
    const file = await serveBundleFile(root, url.pathname, 'electron');
    return new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), {
      status: file.status,
      headers: file.headers,
    });
  };
}
