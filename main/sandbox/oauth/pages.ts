/**
 * The HTML of the browser flow: login, consent and error pages. Plain, accessible forms; every
 * value that came from a request or from state is HTML-escaped.
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Headers of the login and consent pages. Browsers also apply `form-action` to the redirect
 * that answers a form post, so the consent page must allow the client's redirect URI.
 */
export function pageSecurityHeaders(redirectUri?: string): Record<string, string> {
  let formAction = "'self'";
  if (redirectUri !== undefined) {
    const url = new URL(redirectUri);
    // Custom schemes have no origin; a scheme source allows them.
    formAction += ` ${url.origin === 'null' ? url.protocol : url.origin}`;
  }
  return {
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    'X-Frame-Options': 'DENY',
  };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Sandbox Identity Server</title>
<style>
body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
label{display:block;margin-top:1rem;font-weight:600}
input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.25rem;margin-right:.5rem;padding:.5rem 1.25rem;font-size:1rem}
.error{color:#a00;border:1px solid #a00;padding:.5rem}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.error{color:#f88;border-color:#f88}}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageModel {
  appName: string;
  orgName: string;
  sessionDataKey: string;
  csrf: string;
  message?: string;
  username?: string;
}

export function loginPage(model: LoginPageModel): string {
  const message =
    model.message === undefined
      ? ''
      : `<p class="error" role="alert">${escapeHtml(model.message)}</p>`;
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(model.appName)}</strong> in organization <strong>${escapeHtml(model.orgName)}</strong>.</p>
${message}
<form method="post" action="/commonauth">
<input type="hidden" name="sessionDataKey" value="${escapeHtml(model.sessionDataKey)}">
<input type="hidden" name="csrf" value="${escapeHtml(model.csrf)}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required value="${escapeHtml(model.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}

export interface ConsentPageModel {
  appName: string;
  userName: string;
  scopes: string[];
  /** Display name of the agent that will act on the user's behalf (OBO), if any. */
  actorName?: string;
  sessionDataKeyConsent: string;
  csrf: string;
}

export function consentPage(model: ConsentPageModel): string {
  const scopes =
    model.scopes.length === 0
      ? '<p>No permissions are requested.</p>'
      : `<ul>${model.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`;
  const actor =
    model.actorName === undefined
      ? ''
      : `<p>The agent <strong>${escapeHtml(model.actorName)}</strong> will act on your behalf.</p>`;
  return page(
    'Consent',
    `<h1>Allow access?</h1>
<p><strong>${escapeHtml(model.appName)}</strong> asks to access your account (<strong>${escapeHtml(model.userName)}</strong>).</p>
${actor}
<h2>Requested permissions</h2>
${scopes}
<form method="post" action="/oauth2/authorize">
<input type="hidden" name="sessionDataKeyConsent" value="${escapeHtml(model.sessionDataKeyConsent)}">
<input type="hidden" name="csrf" value="${escapeHtml(model.csrf)}">
<button type="submit" name="consent" value="approve">Approve</button>
<button type="submit" name="consent" value="deny">Deny</button>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p role="alert">${escapeHtml(message)}</p>`,
  );
}
