/**
 * A few routes of WSO2 Identity Server over HTTPS on 127.0.0.1, enough for the connection
 * test: OIDC discovery per tenant and client-credentials tokens with a configurable scope set.
 */
import { REQUIRED_SCOPES } from '../../../../main/profiles';
import type { KeyAndCert } from '../../http/support/certs';
import { sendJson, startHttps, type TestServer } from '../../http/support/servers';

export interface FakeIsOptions {
  tls: KeyAndCert;
  tenants?: string[];
  client?: { id: string; secret: string };
  /** Scopes the token response grants; defaults to every requested one. */
  grantedScopes?: readonly string[];
  /** Answer discovery with an HTML 404 page, as a wrong context path would. */
  discoveryHtml404?: boolean;
}

export const ADMIN_CLIENT = { id: 'mgmt-app', secret: 'mgmt-app-secret-7f3a' };

export function startFakeIs(options: FakeIsOptions): Promise<TestServer> {
  const tenants = options.tenants ?? ['carbon.super'];
  const client = options.client ?? ADMIN_CLIENT;
  let origin = '';
  const issuerOf = (tenant: string) =>
    tenant === 'carbon.super' ? `${origin}/oauth2/token` : `${origin}/t/${tenant}/oauth2/token`;

  return startHttps(options.tls, (req, res, seen) => {
    origin = `https://${req.headers.host ?? ''}`;
    const url = new URL(req.url ?? '/', origin);
    const discovery = /^(?:\/t\/([^/]+))?\/oauth2\/token\/\.well-known\/openid-configuration$/.exec(
      url.pathname,
    );
    if (discovery !== null && req.method === 'GET') {
      const tenant = discovery[1] ?? 'carbon.super';
      if (options.discoveryHtml404 === true || !tenants.includes(tenant)) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><body><h1>HTTP Status 404 – Not Found</h1></body></html>');
        return;
      }
      sendJson(res, 200, {
        issuer: issuerOf(tenant),
        token_endpoint: `${origin}/t/${tenant}/oauth2/token`,
        jwks_uri: `${origin}/t/${tenant}/oauth2/jwks`,
      });
      return;
    }
    const token = /^\/t\/([^/]+)\/oauth2\/token$/.exec(url.pathname);
    if (token !== null && req.method === 'POST') {
      const expected = `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`;
      const form = new URLSearchParams(seen.body);
      if (req.headers.authorization !== expected) {
        sendJson(res, 401, {
          error: 'invalid_client',
          error_description: 'A valid OAuth client could not be found for client_id: mgmt-app',
        });
        return;
      }
      if (form.get('grant_type') !== 'client_credentials') {
        sendJson(res, 400, { error: 'unsupported_grant_type' });
        return;
      }
      const requested = (form.get('scope') ?? '').split(' ');
      const grantable = options.grantedScopes ?? REQUIRED_SCOPES;
      sendJson(res, 200, {
        access_token: 'b1e0c7d2-4d1c-3f0e-9a55-6f1d1c0e2a11',
        token_type: 'Bearer',
        expires_in: 3600,
        scope: requested.filter((scope) => grantable.includes(scope)).join(' '),
      });
      return;
    }
    sendJson(res, 404, { code: 'NF', message: 'no route' });
  });
}
