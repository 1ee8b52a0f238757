/**
 * Everything the service hands out — results, events, timelines, curl exports without reveal,
 * summaries and log records — scanned for tokens, secrets, codes and verifiers.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../../../main/log/logger';
import {
  AGENT,
  AGENT_SECRET,
  JWT_PATTERN,
  LOGIN_APP,
  answeringOpener,
  fakeJwt,
  routeAgentLogin,
  tokenBody,
  unitFlows,
  uuid,
  type UnitFlows,
} from './support';

const ORG = uuid(0xe);
const USER = uuid(0xf);
let f: UnitFlows;
let logs: LogRecord[];

beforeEach(() => {
  logs = [];
  const opener = answeringOpener((authorize) => ({
    code: 'authorization-code-from-browser',
    state: authorize.searchParams.get('state')!,
  }));
  f = unitFlows({
    opener,
    logger: createLogger('test', { level: 'debug', sinks: [(record) => logs.push(record)] }),
  });
});
afterEach(async () => {
  await f.close();
});

it('hands out no raw token, secret, code or verifier', async () => {
  const handedOut: unknown[] = [];
  const keep = <T>(value: T): T => {
    handedOut.push(value);
    return value;
  };

  routeAgentLogin(f.h);
  const login = keep(
    await f.service.agentLogin({
      agentId: AGENT,
      clientId: LOGIN_APP.clientId,
      redirectUri: 'http://127.0.0.1/callback',
      scopes: ['openid'],
    }),
  );
  if (!login.ok) throw new Error(login.error.message);

  f.h.route('POST', '/oauth2/token', {
    status: 400,
    body: { error: 'invalid_grant', error_description: `Invalid token received: ${fakeJwt({})}` },
  });
  const refused = keep(
    await f.service.switchOrganization({
      from: { tokenRef: login.token.tokenRef },
      organizationId: ORG,
      scopes: [],
    }),
  );
  expect(refused.ok || refused.error.kind).toBe('oauth_error');

  f.h.route('POST', '/oauth2/token', {
    status: 200,
    body: tokenBody({ sub: AGENT, org_id: ORG }),
  });
  const switched = keep(
    await f.service.switchOrganization({
      from: { tokenRef: login.token.tokenRef },
      organizationId: ORG,
      scopes: [],
    }),
  );
  if (!switched.ok) throw new Error(switched.error.message);

  f.h.route('POST', '/oauth2/token', {
    status: 200,
    body: tokenBody({ sub: USER, act: { sub: AGENT } }, { refresh_token: 'obo-refresh-token' }),
  });
  const obo = keep(
    await f.service.startOboRun({
      organizationId: ORG,
      agentId: AGENT,
      clientId: 'obo-client',
      scopes: ['tickets:read'],
      actor: { tokenRef: switched.token.tokenRef },
    }).result,
  );
  if (!obo.ok) throw new Error(obo.error.message);

  f.h.route('POST', '/oauth2/token', {
    status: 200,
    body: tokenBody({ sub: USER, act: { sub: AGENT } }, { refresh_token: 'rotated-refresh' }),
  });
  const refreshed = keep(await f.service.refresh(obo.token.tokenRef));
  if (!refreshed.ok) throw new Error(refreshed.error.message);
  keep(f.service.listTokens());
  keep(await f.service.inspect(refreshed.token.tokenRef));

  const raw = f.service.listTokens().map((t) => {
    const copy = f.service.copyToken(t.tokenRef);
    return copy.ok ? copy.token : '';
  });
  const verifiers = f.h.requests
    .map((r) => (r.body as Record<string, string> | undefined)?.code_verifier)
    .filter((v): v is string => v !== undefined);

  f.h.route('POST', '/oauth2/revoke', { status: 200 }, 10);
  keep(await f.service.signOut());
  for (const flowId of [login.flowId, refused.flowId, switched.flowId, obo.flowId]) {
    keep(f.service.timeline(flowId));
    keep(f.service.exportCurl(flowId, { reveal: false }));
  }

  const text = JSON.stringify({ handedOut, events: f.events, logs });
  const secrets = [
    ...raw,
    ...verifiers,
    AGENT_SECRET,
    LOGIN_APP.clientSecret,
    'rt-login',
    'obo-refresh-token',
    'rotated-refresh',
    'authorization-code-from-browser',
    'code-for-flow-1',
  ];
  expect(raw).toHaveLength(3);
  expect(verifiers).toHaveLength(2);
  expect(text).toContain('Invalid token received');
  expect(JWT_PATTERN.test(text)).toBe(false);
  for (const secret of secrets) expect(text, secret.slice(0, 12)).not.toContain(secret);
});
