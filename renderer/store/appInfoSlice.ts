/**
 * What the main process says about itself: name, version, host, and where secrets are kept.
 * The keychain can fail during a run (a locked or crashed Secret Service), so its status is
 * followed through `keychainStatus` events as well as read once at start.
 */
import { keychainStatus, type AppInfo, type KeychainStatus } from '../../preload/contract';
import { bridgeCall } from '../features/profiles/bridgeCall';
import type { DepsSliceCreator } from './types';

export interface AppInfoSlice {
  appInfo: AppInfo | null;
  keychain: KeychainStatus | null;
  /** Reads the app info and follows keychain changes; returns the function that stops following. */
  connectAppInfo: () => () => void;
  setKeychainStatus: (status: KeychainStatus) => void;
}

export const createAppInfoSlice: DepsSliceCreator<AppInfoSlice> = (deps) => (set, get) => {
  const setKeychainStatus = (status: KeychainStatus): void => {
    set({ keychain: status });
    get().setSecretsMemoryOnly(status.backend === 'memory');
  };

  return {
    appInfo: null,
    keychain: null,
    setKeychainStatus,

    connectAppInfo: () => {
      const api = deps.api;
      if (!api) return () => undefined;
      let live = true;
      const stop = api.onKeychainStatus((payload) => {
        const parsed = keychainStatus.safeParse(payload);
        if (parsed.success && live) setKeychainStatus(parsed.data);
      });
      void bridgeCall(api, 'getAppInfo', {}).then((result) => {
        if (!live) return;
        if (!result.ok) {
          get().announce(`Could not read the app information: ${result.error.message}`);
          return;
        }
        set({ appInfo: result.value });
        // An event that arrived while the call was on its way is newer than the answer.
        if (get().keychain === null) setKeychainStatus(result.value.keychain);
      });
      return () => {
        live = false;
        stop();
      };
    },
  };
};
