/**
 * The Content-Security-Policy of the UI. It starts from nothing and opens one directive at a
 * time. The renderer does no network in Electron (`connect-src 'none'`); the browser host
 * must let the page reach its own RPC endpoint, so it opens `connect-src 'self'` only.
 */
export function contentSecurityPolicy(host: 'electron' | 'browser'): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    host === 'browser' ? "connect-src 'self'" : "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types none',
  ].join('; ');
}
