/** The token flows of WSO2's "Share agents with organizations" guide, as HTTP steps. */
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { AGENT_REDIRECT, CLIENTS, IDS, OBO_REDIRECT, SECRETS } from './fixture';
import { parseForm } from './forms';
import type { HttpResult, HttpsClient } from './client';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export async function startAgentFlow(
  client: HttpsClient,
  challenge: string,
  extra: Record<string, string> = {},
): Promise<HttpResult> {
  return client.send('/oauth2/authorize', {
    headers: { accept: 'application/json' },
    form: {
      client_id: CLIENTS.agentLogin.clientId,
      response_type: 'code',
      redirect_uri: AGENT_REDIRECT,
      scope: 'openid read_bookings',
      response_mode: 'direct',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'agent-state',
      ...extra,
    },
  });
}

export async function submitAgentSecret(
  client: HttpsClient,
  flowId: string,
  username: string,
  password: string,
): Promise<HttpResult> {
  return client.send('/oauth2/authn', {
    jsonBody: {
      flowId,
      selectedAuthenticator: {
        authenticatorId: 'QmFzaWNBdXRoZW50aWNhdG9yOkxPQ0FM',
        params: { username, password },
      },
    },
  });
}

/** authorize (direct) → authn → token: the agent's own root token. */
export async function agentRootToken(
  client: HttpsClient,
  agentId: string = IDS.agent,
  secret: string = SECRETS.agent,
): Promise<Record<string, unknown>> {
  const { verifier, challenge } = pkce();
  const started = await startAgentFlow(client, challenge);
  expect(started.status).toBe(200);
  const authn = await submitAgentSecret(client, started.json().flowId as string, agentId, secret);
  expect(authn.status).toBe(200);
  const token = await client.send('/oauth2/token', {
    basic: CLIENTS.agentLogin,
    form: {
      grant_type: 'authorization_code',
      code: authn.json().code as string,
      code_verifier: verifier,
      redirect_uri: AGENT_REDIRECT,
    },
  });
  expect(token.status).toBe(200);
  return token.json();
}

export async function switchAgent(
  client: HttpsClient,
  token: string,
  org: string,
  scope: string,
): Promise<HttpResult> {
  return client.send('/oauth2/token', {
    basic: CLIENTS.agentLogin,
    form: { grant_type: 'organization_switch', token, switching_organization: org, scope },
  });
}

/** An agent token switched into the Business organization: the OBO actor token. */
export async function agentChildToken(client: HttpsClient): Promise<string> {
  const root = await agentRootToken(client);
  const switched = await switchAgent(
    client,
    root.access_token as string,
    IDS.business,
    'read_bookings',
  );
  expect(switched.status).toBe(200);
  return switched.json().access_token as string;
}

export interface BrowserResult {
  /** The login page, as first served. */
  loginPage: HttpResult;
  consentPage: HttpResult | undefined;
  /** The final redirect. */
  redirect: HttpResult;
  location: URL;
}

/**
 * A user agent following the HTML forms: authorize → login form → consent form → redirect.
 * `decision` picks the consent button. Starts without cookies, so the login form is served.
 */
export async function browserAuthorize(
  client: HttpsClient,
  query: Record<string, string>,
  username: string,
  password: string,
  decision: 'approve' | 'deny' = 'approve',
): Promise<BrowserResult> {
  client.clearCookies();
  const loginPage = await client.send(`/oauth2/authorize?${new URLSearchParams(query).toString()}`);
  expect(loginPage.status).toBe(200);
  const login = parseForm(loginPage.text);
  const consentPage = await client.send(login.action, {
    form: { ...login.fields, username, password },
  });
  expect(consentPage.status).toBe(200);
  const consent = parseForm(consentPage.text);
  const redirect = await client.send(consent.action, {
    form: { ...consent.fields, consent: decision },
  });
  expect(redirect.status).toBe(302);
  return { loginPage, consentPage, redirect, location: new URL(redirect.headers.location!) };
}

export function oboQuery(
  challenge: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    client_id: CLIENTS.obo.clientId,
    response_type: 'code',
    redirect_uri: OBO_REDIRECT,
    scope: 'openid read_bookings write_bookings',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    requested_actor: IDS.agent,
    orgId: IDS.business,
    fidp: 'OrganizationSSO',
    state: 'obo-state',
    ...extra,
  };
}
