import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, type LogRecord } from '../../../main/log/logger';
import {
  memoryBackend,
  openVault,
  presenceOf,
  type SecretBackend,
  secretKey,
  type VaultStatus,
} from '../../../main/vault';

const SECRET = 'client-secret-value-4cret';

function capture() {
  const records: LogRecord[] = [];
  const logger = createLogger('vault', { level: 'debug', sinks: [(r) => records.push(r)] });
  return { records, logger };
}

/**
 * A keychain that works until told to hang — forever, or until its call is aborted, when it
 * rejects late like the real binding does — and counts its calls.
 */
function controllableKeychain() {
  const inner = memoryBackend();
  const state = {
    hang: false as false | 'forever' | 'until-abort',
    fail: false,
    calls: 0,
  };
  const gate = <T>(signal: AbortSignal, call: () => Promise<T>): Promise<T> => {
    state.calls += 1;
    if (state.hang === 'forever') return new Promise<T>(() => undefined);
    if (state.hang === 'until-abort') {
      return new Promise<T>((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(new Error('aborted late'))),
      );
    }
    if (state.fail) return Promise.reject(new Error('Platform secure storage failure'));
    return call();
  };
  const backend: SecretBackend = {
    kind: 'keychain',
    get: (key, signal) => gate(signal, () => inner.get(key, signal)),
    set: (key, value, signal) => gate(signal, () => inner.set(key, value, signal)),
    delete: (key, signal) => gate(signal, () => inner.delete(key, signal)),
  };
  return { backend, state };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('vault over a working keychain', () => {
  it('round-trips a secret through the keychain and never logs it', async () => {
    const { records, logger } = capture();
    const keychain = controllableKeychain();
    const vault = await openVault({ keychain: keychain.backend, platform: 'linux', logger });
    expect(vault.status()).toEqual({ backend: 'keychain' });

    const key = secretKey('prod', 'client-secret', 'abc123');
    await vault.set(key, SECRET);
    expect(await keychain.backend.get(key, new AbortController().signal)).toBe(SECRET);
    expect(await vault.get(key)).toBe(SECRET);
    expect(await vault.presence(key)).toEqual({ set: true, hint: '••••cret' });
    await vault.delete(key);
    expect(await vault.get(key)).toBeUndefined();
    expect(await vault.presence(key)).toEqual({ set: false });
    expect(JSON.stringify(records)).not.toContain(SECRET);
  });
});

describe('vault over a hanging keychain', () => {
  it('gives up on the start-up probe after the time-box and runs from memory', async () => {
    vi.useFakeTimers();
    const { logger, records } = capture();
    const keychain = controllableKeychain();
    keychain.state.hang = 'forever';
    const opening = openVault({ keychain: keychain.backend, platform: 'linux', logger });
    await vi.advanceTimersByTimeAsync(2_999);
    let settled = false;
    void opening.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const vault = await opening;

    expect(vault.status()).toMatchObject({ backend: 'memory', reason: 'keychain-timeout' });
    expect(records.some((r) => r.level === 'warn')).toBe(true);
    const key = secretKey('prod', 'agent-secret', 'agent-1');
    await vault.set(key, SECRET);
    expect(await vault.get(key)).toBe(SECRET);
    expect(keychain.state.calls).toBe(1);
  });

  it('times out a call that hangs later, switches to memory and reports it', async () => {
    vi.useFakeTimers();
    const { logger } = capture();
    const keychain = controllableKeychain();
    const vault = await openVault({ keychain: keychain.backend, platform: 'linux', logger });
    const changes: VaultStatus[] = [];
    vault.onStatusChange((status) => changes.push(status));
    keychain.state.hang = 'until-abort';

    const key = secretKey('prod', 'client-secret', 'abc123');
    const writing = vault.set(key, SECRET);
    await vi.advanceTimersByTimeAsync(3_000);
    await writing;

    expect(vault.status()).toMatchObject({ backend: 'memory', reason: 'keychain-timeout' });
    expect(changes).toEqual([vault.status()]);
    expect(await vault.get(key)).toBe(SECRET);
    const callsAfterFallback = keychain.state.calls;
    await vault.delete(key);
    expect(keychain.state.calls).toBe(callsAfterFallback);
    expect(await vault.presence(key)).toEqual({ set: false });
  });

  it('falls back on a keychain error too', async () => {
    const { logger } = capture();
    const keychain = controllableKeychain();
    const vault = await openVault({ keychain: keychain.backend, platform: 'darwin', logger });
    keychain.state.fail = true;
    await vault.set('sharedesk/p/agent-secret/a', SECRET);
    expect(vault.status()).toEqual({
      backend: 'memory',
      reason: 'keychain-error',
      detail: 'Platform secure storage failure',
    });
    expect(await vault.get('sharedesk/p/agent-secret/a')).toBe(SECRET);
  });

  it('never touches the keychain when the user prefers memory or the platform has none', async () => {
    const { logger } = capture();
    for (const options of [
      { platform: 'linux' as const, preferMemory: true },
      { platform: 'aix' as const },
    ]) {
      const keychain = controllableKeychain();
      const vault = await openVault({ keychain: keychain.backend, logger, ...options });
      await vault.set('sharedesk/p/client-secret/c', SECRET);
      expect(vault.status().backend).toBe('memory');
      expect(keychain.state.calls).toBe(0);
    }
  });
});

describe('secret keys and hints', () => {
  it('namespaces keys per profile and refuses separators', () => {
    expect(secretKey('prod-eu', 'agent-secret', 'a1b2-c3')).toBe(
      'sharedesk/prod-eu/agent-secret/a1b2-c3',
    );
    for (const bad of ['', '..', 'a/b', '../other', 'x y', '%2e%2e']) {
      expect(() => secretKey(bad, 'client-secret', 'c')).toThrow(TypeError);
      expect(() => secretKey('p', 'client-secret', bad)).toThrow(TypeError);
    }
  });

  it('shows at most the last four characters, and only the length of short secrets', () => {
    expect(presenceOf(undefined)).toEqual({ set: false });
    expect(presenceOf('')).toEqual({ set: false });
    expect(presenceOf('short')).toEqual({ set: true, hint: '5 characters' });
    expect(presenceOf('abcdefghijkl')).toEqual({ set: true, hint: '••••ijkl' });
  });
});
