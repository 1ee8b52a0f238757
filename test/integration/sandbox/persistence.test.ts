/**
 * `stateFile`: data and the TLS certificate survive a restart; a corrupt file stops the start
 * with the problem named and is left exactly as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SandboxStateFileError, startSandbox } from '../../../main/sandbox/index';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startTestSandbox } from '../../support/sandbox';

const ORGS = '/t/carbon.super/api/server/v1/organizations';

function tempStateFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'sandbox-persist-')), 'state.json');
}

describe('state file', () => {
  it('keeps organizations, agents, shares and the certificate across restarts', async () => {
    const file = tempStateFile();
    const first = await startTestSandbox({ stateFile: file, persistDelayMs: 10 });
    const token = await first.adminToken();
    const org = await first.api<{ id: string }>('POST', ORGS, {
      token,
      json: { name: 'Persisted Org' },
    });
    const agent = await first.api<{ id: string; password: string }>(
      'POST',
      '/t/carbon.super/scim2/Agents',
      {
        token,
        json: { 'urn:scim:wso2:agent:schema': { DisplayName: 'Persisted Agent' } },
      },
    );
    await first.api('POST', '/t/carbon.super/api/server/v1/agents/share', {
      token,
      json: {
        agentCriteria: { agentIds: [DEMO.agents.travelPlanner] },
        organizations: [{ orgId: DEMO.orgs.retail, policy: 'SELECTED_ORG_ONLY' }],
      },
    });
    await vi.waitFor(
      () => {
        const saved = readFileSync(file, 'utf8');
        if (
          !saved.includes('Persisted Agent') ||
          !saved.includes(`"orgId":"${DEMO.orgs.retail}","sharedAgentId"`)
        ) {
          throw new Error('not saved yet');
        }
      },
      { timeout: 10_000, interval: 20 },
    );
    const fingerprint = first.sandbox.fingerprint256;
    await first.stop();

    const second = await startTestSandbox({ stateFile: file });
    try {
      expect(second.sandbox.fingerprint256).toBe(fingerprint);
      const again = await second.adminToken();
      const read = await second.api<{ name: string }>('GET', `${ORGS}/${org.body.id}`, {
        token: again,
      });
      expect(read.body.name).toBe('Persisted Org');
      expect(second.sandbox.state.agents.get(agent.body.id)?.password).toBe(agent.body.password);
      const shares = [...second.sandbox.state.shareAssociations.values()];
      expect(
        shares.some((s) => s.agentId === DEMO.agents.travelPlanner && s.orgId === DEMO.orgs.retail),
      ).toBe(true);
      expect(second.sandbox.state.rolesInOrg(org.body.id).length).toBeGreaterThan(0);
    } finally {
      await second.stop();
    }
  });

  it('refuses a corrupt file, names the problem and never overwrites it', async () => {
    const file = tempStateFile();
    const first = await startTestSandbox({ stateFile: file });
    await first.stop();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { orgs: { parentId: string | null }[] };
    saved.orgs[5]!.parentId = 'c0ffee00-0000-4000-8000-00000000dead';
    const corrupt = JSON.stringify(saved);
    writeFileSync(file, corrupt);

    const attempt = startSandbox({ port: 0, stateFile: file });
    await expect(attempt).rejects.toBeInstanceOf(SandboxStateFileError);
    await expect(attempt).rejects.toThrow(/orgs\[5\]\.parentId names no organization/);
    expect(readFileSync(file, 'utf8')).toBe(corrupt);

    writeFileSync(file, '{"format":');
    await expect(startSandbox({ port: 0, stateFile: file })).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{"format":');
  });
});
