/** Secrets held in this process only, gone when the app quits. */
import type { SecretBackend } from './types';

export function memoryBackend(): SecretBackend {
  const secrets = new Map<string, string>();
  return {
    kind: 'memory',
    get: (key) => Promise.resolve(secrets.get(key)),
    set: (key, value) => {
      secrets.set(key, value);
      return Promise.resolve();
    },
    delete: (key) => {
      secrets.delete(key);
      return Promise.resolve();
    },
  };
}
