/**
 * An actor token held past its lifetime: the sandbox's clock moves on, the user still signs
 * in and consents, and the code exchange is refused — no delegated token results.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AGENT,
  BUSINESS,
  OBO_CLIENT,
  agentTokenIn,
  shareAgent,
  startFlowHarness,
  type FlowHarness,
} from './support';

let h: FlowHarness;

beforeAll(async () => {
  h = await startFlowHarness();
  await shareAgent(h, AGENT, BUSINESS, ['Agent Operator']);
});
afterAll(async () => {
  await h.close();
});

it('fails the run when the held actor token has expired', async () => {
  const actorRef = await agentTokenIn(h, AGENT, BUSINESS, ['tickets:read']);
  const actor = h.service.listTokens().find((t) => t.tokenRef === actorRef)!;
  h.advance(Date.parse(actor.expiresAt!) - Date.parse(actor.obtainedAt) + 60_000);

  const result = await h.service.startOboRun({
    organizationId: BUSINESS,
    agentId: AGENT,
    clientId: OBO_CLIENT,
    scopes: ['tickets:read'],
    actor: { tokenRef: actorRef },
  }).result;

  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toMatchObject({
    kind: 'oauth_error',
    server: { error: 'invalid_grant', errorDescription: 'Actor token is expired.' },
  });
  expect(result.token).toBeUndefined();
  expect(h.service.listTokens().some((t) => t.source === 'obo')).toBe(false);
});
