/**
 * Redirects are followed only on the server's own origin and only for reads. A redirect to
 * another origin is an error, so the request's credentials never travel there.
 */
import { RedirectError } from './errors';
import { displayUrl } from './request-parts';

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUS.has(status);
}

/** The next URL to request, or a `RedirectError` saying why the redirect is not followed. */
export function followRedirect(
  current: URL,
  location: string | undefined,
  status: number,
  method: string,
  redirectCount: number,
  maxRedirects: number,
): URL {
  const context = { method, url: displayUrl(current) };
  if (location === undefined || location.trim() === '') {
    throw new RedirectError(`HTTP ${status} without a Location header`, {
      reason: 'no-location',
      status,
      ...context,
    });
  }
  let next: URL;
  try {
    next = new URL(location, current);
  } catch (cause) {
    throw new RedirectError(`HTTP ${status} with an unreadable Location header`, {
      reason: 'no-location',
      status,
      ...context,
      cause,
    });
  }
  const target = displayUrl(next);
  if (next.origin !== current.origin) {
    throw new RedirectError(`refused a redirect to another server: ${next.origin}`, {
      reason: 'cross-origin',
      status,
      location: target,
      ...context,
    });
  }
  if (method !== 'GET' && method !== 'HEAD') {
    // Repeating a write at another address could apply it twice; the caller decides instead.
    throw new RedirectError(`refused to follow HTTP ${status} for ${method}`, {
      reason: 'method',
      status,
      location: target,
      ...context,
    });
  }
  if (redirectCount > maxRedirects) {
    throw new RedirectError(`more than ${maxRedirects} redirects`, {
      reason: 'too-many',
      status,
      location: target,
      ...context,
    });
  }
  return next;
}
