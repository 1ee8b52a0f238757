/**
 * The `actor_token` checks of the OBO code exchange (§8.3) and the `requested_actor` check
 * at authorize, each rejection with WSO2's error and description.
 */
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS, IDS, OBO_REDIRECT } from '../../unit/sandbox/oauth/support/fixture';
import {
  agentChildToken,
  agentRootToken,
  browserAuthorize,
  oboQuery,
  pkce,
} from '../../unit/sandbox/oauth/support/flows';
import {
  startOAuthTestServer,
  type OAuthTestServer,
} from '../../unit/sandbox/oauth/support/server';

let server: OAuthTestServer;

beforeAll(async () => {
  server = await startOAuthTestServer();
});
afterAll(async () => {
  await server.stop();
});

/** A fresh OBO code for bob, then the exchange with the given actor token (or none). */
async function exchange(actorToken: string | undefined) {
  const { verifier, challenge } = pkce();
  const browser = await browserAuthorize(server.client, oboQuery(challenge), 'bob', 'bob-password');
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    client_id: CLIENTS.obo.clientId,
    code: browser.location.searchParams.get('code')!,
    redirect_uri: OBO_REDIRECT,
    code_verifier: verifier,
  };
  if (actorToken !== undefined) form.actor_token = actorToken;
  return server.client.send('/oauth2/token', { form });
}

async function expectRejected(actorToken: string | undefined, description: string) {
  const response = await exchange(actorToken);
  expect(response.status).toBe(400);
  expect(response.json()).toEqual({ error: 'invalid_grant', error_description: description });
}

async function foreignJwt(iss: string, sub: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: CLIENTS.agentLogin.clientId, jti: 'foreign' })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'foreign_RS256' })
    .setIssuer(iss)
    .setSubject(sub)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
}

describe('actor_token rejections', () => {
  it('requires an actor token when the code has a requested actor', async () => {
    await expectRejected(undefined, 'Actor token is not provided in the request.');
  });

  it('rejects a value that is not a JWT', async () => {
    await expectRejected('not-a-jwt', 'Actor token is not a valid JWT.');
  });

  it('rejects a token of another agent', async () => {
    const other = await agentRootToken(server.client, IDS.unsharedAgent, 'unshared-secret');
    await expectRejected(
      other.access_token as string,
      'Actor token subject does not match the requested actor.',
    );
  });

  it('rejects a JWT from another issuer and one with our issuer but another key', async () => {
    await expectRejected(
      await foreignJwt('https://elsewhere.example/oauth2/token', IDS.agent),
      'Actor token issuer is not trusted.',
    );
    await expectRejected(
      await foreignJwt(`${server.origin}/oauth2/token`, IDS.agent),
      'Actor token signature validation failed.',
    );
  });

  it('rejects an expired actor token (injected clock)', async () => {
    const actor = await agentChildToken(server.client);
    const lifetime = decodeJwt(actor).exp! - decodeJwt(actor).iat!;
    server.advance(lifetime + 1);
    await expectRejected(actor, 'Actor token is expired.');
  });

  it('rejects an actor that was locked after its token was issued', async () => {
    const actor = await agentChildToken(server.client);
    server.state.agents.get(IDS.agent)!.accountLocked = true;
    try {
      await expectRejected(actor, 'Requested actor is not active.');
    } finally {
      server.state.agents.get(IDS.agent)!.accountLocked = false;
    }
  });

  it('accepts the switched agent token and adds act.sub', async () => {
    const actor = await agentChildToken(server.client);
    const response = await exchange(actor);
    expect(response.status).toBe(200);
    expect(decodeJwt(response.json().access_token as string).act).toEqual({ sub: IDS.agent });
  });
});

describe('requested_actor at authorize', () => {
  it('redirects invalid_request for an id that is not a root agent', async () => {
    for (const actor of ['no-such-agent', IDS.agentCopy, IDS.bob]) {
      const { challenge } = pkce();
      const query = new URLSearchParams(oboQuery(challenge, { requested_actor: actor }));
      const response = await server.client.send(`/oauth2/authorize?${query.toString()}`);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.location!);
      expect(location.origin + location.pathname).toBe(OBO_REDIRECT);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('error_description')).toBe('Invalid requested_actor.');
      expect(location.searchParams.get('state')).toBe('obo-state');
    }
  });
});
