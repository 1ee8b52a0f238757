/** Calls about the app itself: version, host, keychain state. */
import { z } from 'zod';
import { call } from './define';

export const keychainStatus = z.object({
  backend: z.enum(['keychain', 'memory']),
  /** Why secrets are memory-only, when they are. */
  reason: z.string().optional(),
});
export type KeychainStatus = z.infer<typeof keychainStatus>;

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  keychain: keychainStatus,
});
export type AppInfo = z.infer<typeof appInfo>;

export const appCalls = {
  getAppInfo: call(z.object({}).strict(), appInfo),
};

export const appEvents = {
  keychainStatus,
};
