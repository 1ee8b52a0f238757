import { describe, expect, it } from 'vitest';
import { selectBackend, type SelectionInput, type VaultStatus } from '../../../main/vault';

const table: [string, SelectionInput, VaultStatus][] = [
  ['macOS, probe ok', { platform: 'darwin', probe: { ok: true } }, { backend: 'keychain' }],
  ['Windows, probe ok', { platform: 'win32', probe: { ok: true } }, { backend: 'keychain' }],
  ['Linux, probe ok', { platform: 'linux', probe: { ok: true } }, { backend: 'keychain' }],
  [
    'Linux, Secret Service hangs',
    { platform: 'linux', probe: { ok: false, failure: 'timeout', detail: 'no answer' } },
    { backend: 'memory', reason: 'keychain-timeout', detail: 'no answer' },
  ],
  [
    'Linux, no Secret Service',
    { platform: 'linux', probe: { ok: false, failure: 'unavailable' } },
    { backend: 'memory', reason: 'keychain-unavailable' },
  ],
  [
    'macOS, keychain error',
    { platform: 'darwin', probe: { ok: false, failure: 'error', detail: 'denied' } },
    { backend: 'memory', reason: 'keychain-error', detail: 'denied' },
  ],
  [
    'FreeBSD, whatever the probe says',
    { platform: 'freebsd', probe: { ok: true } },
    { backend: 'memory', reason: 'unsupported-platform', detail: 'freebsd' },
  ],
  [
    'user prefers memory even with a working keychain',
    { platform: 'darwin', preferMemory: true, probe: { ok: true } },
    { backend: 'memory', reason: 'user-choice' },
  ],
  [
    'supported platform but never probed',
    { platform: 'linux' },
    { backend: 'memory', reason: 'keychain-unavailable', detail: 'not probed' },
  ],
];

describe('selectBackend', () => {
  it.each(table)('%s', (_name, input, expected) => {
    expect(selectBackend(input)).toEqual(expected);
  });
});
