/** The start-up check that the keychain really stores and returns a value. */
import { randomBytes } from 'node:crypto';
import type { SecretBackend } from './types';

/** Writes, reads back and removes a throwaway entry; rejects if any step fails. */
export async function readBackProbe(backend: SecretBackend, signal: AbortSignal): Promise<void> {
  const key = `sharedesk/.probe/check/${randomBytes(6).toString('hex')}`;
  const value = randomBytes(12).toString('hex');
  await backend.set(key, value, signal);
  try {
    const read = await backend.get(key, signal);
    if (read !== value) throw new Error('the keychain returned a different value');
  } finally {
    await backend.delete(key, signal);
  }
}
