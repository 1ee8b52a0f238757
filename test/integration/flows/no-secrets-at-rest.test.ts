/**
 * Every flow run with a file log sink in a temporary data folder at debug level; afterwards
 * no file there, no result, no event and no timeline holds a token, a secret or a verifier.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rotatingFileSink } from '../../../main/log/file-sink';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import {
  AGENT,
  BUSINESS,
  JWT_PATTERN,
  LOGIN_APP,
  LOGIN_REDIRECT,
  OBO_CLIENT,
  shareAgent,
  startFlowHarness,
  type FlowHarness,
} from './support';

let h: FlowHarness;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sharedesk-flows-'));
  h = await startFlowHarness({ sinks: [rotatingFileSink({ dir: join(dataDir, 'logs') })] });
  await shareAgent(h, AGENT, BUSINESS, ['Agent Operator']);
});
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

it('keeps tokens and secrets out of files, logs, results, events and timelines', async () => {
  const results: unknown[] = [];
  const rawTokens: string[] = [];
  const keep = <T>(value: T): T => {
    results.push(value);
    return value;
  };

  const login = keep(
    await h.service.agentLogin({
      agentId: AGENT,
      clientId: LOGIN_APP,
      redirectUri: LOGIN_REDIRECT,
      scopes: ['openid', 'tickets:read'],
    }),
  );
  if (!login.ok) throw new Error(login.error.message);
  const switched = keep(
    await h.service.switchOrganization({
      from: { tokenRef: login.token.tokenRef },
      organizationId: BUSINESS,
      scopes: ['tickets:read'],
    }),
  );
  if (!switched.ok) throw new Error(switched.error.message);
  const obo = keep(
    await h.service.startOboRun({
      organizationId: BUSINESS,
      agentId: AGENT,
      clientId: OBO_CLIENT,
      scopes: ['openid', 'tickets:read'],
      actor: { tokenRef: switched.token.tokenRef },
    }).result,
  );
  if (!obo.ok) throw new Error(obo.error.message);
  const refreshed = keep(await h.service.refresh(obo.token.tokenRef));
  if (!refreshed.ok) throw new Error(refreshed.error.message);
  keep(await h.service.inspect(refreshed.token.tokenRef));
  keep(h.service.listTokens());
  for (const summary of h.service.listTokens()) {
    const copy = h.service.copyToken(summary.tokenRef);
    if (copy.ok) rawTokens.push(copy.token);
  }
  const flowIds = [login.flowId, switched.flowId, obo.flowId, refreshed.flowId];
  for (const flowId of flowIds) {
    keep(h.service.timeline(flowId));
    keep(h.service.exportCurl(flowId, { reveal: false }));
  }
  keep(await h.service.signOut());

  const secrets = [
    DEMO.agentSecrets.supportAssistant,
    DEMO.apps.agentLogin.clientSecret,
    DEMO.apps.admin.clientSecret,
    DEMO.users.alice.password,
    ...rawTokens,
  ];
  expect(rawTokens.length).toBeGreaterThanOrEqual(3);
  expect(rawTokens.every((token) => JWT_PATTERN.test(token))).toBe(true);

  const files = filesUnder(dataDir);
  expect(files.length).toBeGreaterThan(0);
  const written = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  expect(written).toContain('organization switched');
  const shown = JSON.stringify({ results, events: h.events, logs: h.logs });
  for (const [where, text] of [
    ['files', written],
    ['results, events and logs', shown],
  ] as const) {
    expect(JWT_PATTERN.test(text), `a JWT in ${where}`).toBe(false);
    for (const secret of secrets) {
      expect(text.includes(secret), `a secret in ${where}`).toBe(false);
    }
  }
});
