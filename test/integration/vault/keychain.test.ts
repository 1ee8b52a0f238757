/**
 * A real round trip through the Secret Service (gnome-keyring in a private D-Bus session).
 * Run with: bash scripts/with-keyring.sh npx vitest run test/integration/vault
 * Without that script this test fails on purpose instead of skipping: a keychain test that
 * silently passes without a keychain proves nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rotatingFileSink } from '../../../main/log/file-sink';
import { createLogger } from '../../../main/log/logger';
import { keychainBackend, openKeychainVault, secretKey } from '../../../main/vault';

const underScript = process.env.SHAREDESK_KEYRING_TEST === '1';
const dataDir = mkdtempSync(join(tmpdir(), 'sharedesk-keychain-'));
const logger = createLogger('vault', {
  level: 'debug',
  sinks: [rotatingFileSink({ dir: dataDir })],
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('OS keychain (Secret Service)', () => {
  it('runs under scripts/with-keyring.sh', () => {
    expect(
      underScript,
      'Run keychain tests with: bash scripts/with-keyring.sh npx vitest run test/integration/vault',
    ).toBe(true);
  });

  it('stores, reads back and deletes a secret in the real keychain', async () => {
    expect(underScript, 'SHAREDESK_KEYRING_TEST=1 is required (use scripts/with-keyring.sh)').toBe(
      true,
    );
    const vault = await openKeychainVault({ platform: process.platform, logger });
    expect(vault.status()).toEqual({ backend: 'keychain' });

    const secret = `kc-${randomBytes(16).toString('hex')}`;
    const key = secretKey('it-profile', 'agent-secret', `agent-${randomBytes(4).toString('hex')}`);
    await vault.set(key, secret);

    // Read through a fresh backend, not the vault, to prove the value sits in the keychain.
    const direct = keychainBackend();
    expect(await direct.get(key, new AbortController().signal)).toBe(secret);
    expect(await vault.get(key)).toBe(secret);
    expect(await vault.presence(key)).toEqual({ set: true, hint: `••••${secret.slice(-4)}` });

    await vault.delete(key);
    expect(await direct.get(key, new AbortController().signal)).toBeUndefined();
    expect(vault.status()).toEqual({ backend: 'keychain' });

    for (const file of filesUnder(dataDir)) {
      expect(readFileSync(file, 'utf8'), file).not.toContain(secret);
    }
  });
});
