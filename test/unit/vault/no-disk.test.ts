/**
 * After a session of saving profiles, storing, reading and deleting secrets and requesting a
 * token, no secret value appears in any file of the data folder (profile file, logs).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rotatingFileSink } from '../../../main/log/file-sink';
import { createLogger } from '../../../main/log/logger';
import { createProfileService, openProfileStore } from '../../../main/profiles';
import { memoryBackend, openVault, secretKey } from '../../../main/vault';
import { makeTestCerts } from '../http/support/certs';
import { confFactory } from '../profiles/support/conf-store';
import { ADMIN_CLIENT, startFakeIs } from '../profiles/support/fake-is';

const dataDir = mkdtempSync(join(tmpdir(), 'sharedesk-data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('nothing secret on disk', () => {
  it.each([
    ['keychain', false],
    ['memory fallback', true],
  ])('with the %s backend', async (_name, preferMemory) => {
    const logger = createLogger('sharedesk', {
      level: 'debug',
      sinks: [rotatingFileSink({ dir: join(dataDir, 'logs') })],
    });
    const certs = await makeTestCerts();
    const server = await startFakeIs({ tls: certs.caSigned });
    const agentSecret = `agent-${Math.random().toString(36).slice(2)}-secret`;
    const otherSecret = `other-${Math.random().toString(36).slice(2)}-secret`;
    try {
      const vault = await openVault({
        keychain: memoryBackend(),
        platform: 'linux',
        preferMemory,
        logger: logger.child('vault'),
      });
      const profiles = createProfileService({
        store: openProfileStore({ dataDir, createStore: confFactory, logger }),
        vault,
        logger: logger.child('profiles'),
      });
      const { id } = await profiles.save(
        {
          name: 'Local IS',
          kind: 'wso2is',
          baseUrl: server.url,
          rootOrgHandle: 'carbon.super',
          adminAuth: { type: 'client-credentials', clientId: ADMIN_CLIENT.id },
          trust: { type: 'ca', pem: certs.caPem },
        },
        { clientSecret: ADMIN_CLIENT.secret },
      );
      await profiles.saveAgent(id, { agentId: 'agent-1', label: 'Agent' }, agentSecret);
      const report = await profiles.testConnection(id);
      expect(report.ok).toBe(true);

      const key = secretKey(id, 'agent-secret', 'scratch');
      await vault.set(key, otherSecret);
      expect(await vault.get(key)).toBe(otherSecret);
      await vault.delete(key);

      const files = filesUnder(dataDir);
      expect(files.some((file) => file.endsWith('profiles.json'))).toBe(true);
      expect(files.some((file) => file.endsWith('sharedesk.log'))).toBe(true);
      const basic = Buffer.from(`${ADMIN_CLIENT.id}:${ADMIN_CLIENT.secret}`).toString('base64');
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const secret of [ADMIN_CLIENT.secret, agentSecret, otherSecret, basic]) {
          expect(text, `${file} contains a secret`).not.toContain(secret);
        }
        expect(text).not.toContain('b1e0c7d2-4d1c-3f0e-9a55-6f1d1c0e2a11');
      }
    } finally {
      await server.close();
    }
  });
});
