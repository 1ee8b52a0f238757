/**
 * Writes of the Agent Sharing API are applied after the 202, as in WSO2: a read right after
 * the reply still shows the old state, a later read the new one. The sandbox waits a long
 * `shareDelayMs` here so the first read cannot race the work.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

const API = '/api/server/v1/agents';
const AGENT = DEMO.agents.travelPlanner;

let t: TestSandbox;
let token: string;

beforeAll(async () => {
  t = await startTestSandbox({ shareDelayMs: 1500 });
  token = await t.adminToken();
});
afterAll(async () => {
  await t.stop();
});

const sharedOrgIds = async (): Promise<string[]> => {
  const response = await t.api<{ organizations: { orgId: string }[] }>(
    'GET',
    `${API}/${AGENT}/share`,
    { token },
  );
  expect(response.status).toBe(200);
  return response.body.organizations.map((o) => o.orgId);
};

async function eventually(expected: string[]): Promise<void> {
  await vi.waitFor(async () => expect(await sharedOrgIds()).toEqual(expected), {
    timeout: 15_000,
    interval: 50,
  });
}

describe('asynchronous completion', () => {
  const shareWithRetail = () =>
    t.api('POST', `${API}/share`, {
      token,
      json: {
        agentCriteria: { agentIds: [AGENT] },
        organizations: [{ orgId: DEMO.orgs.retail, policy: 'SELECTED_ORG_ONLY' }],
      },
    });

  it('shows a share only after the work has run', async () => {
    await eventually([]);
    const accepted = await shareWithRetail();
    expect(accepted.status).toBe(202);
    expect(await sharedOrgIds()).toEqual([]);
    await eventually([DEMO.orgs.retail]);
  });

  it('shows an unshare only after the work has run', async () => {
    if ((await sharedOrgIds()).length === 0) {
      await shareWithRetail();
      await eventually([DEMO.orgs.retail]);
    }
    const accepted = await t.api('POST', `${API}/unshare`, {
      token,
      json: { agentCriteria: { agentIds: [AGENT] }, orgIds: [DEMO.orgs.retail] },
    });
    expect(accepted.status).toBe(202);
    expect(await sharedOrgIds()).toEqual([DEMO.orgs.retail]);
    await eventually([]);
  });
});
