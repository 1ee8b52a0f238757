/**
 * The renderer's only door to the main process. Under Electron the preload has put the
 * bridge on `window.api`; under the browser host this module builds the same one over HTTP.
 */
import type { BridgeApi } from '../../preload/contract';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    api?: BridgeApi;
  }
}

/**
 * The bridge, or undefined when no host serves this page (the renderer opened on its own
 * for development, e.g. `npx vite renderer`).
 */
export async function connectBridge(): Promise<BridgeApi | undefined> {
  if (window.api) return window.api;
  const bridge = createHttpBridge();
  const probe = await bridge.getAppInfo({});
  if (!probe.ok) return undefined;
  Object.defineProperty(window, 'api', { value: bridge, writable: false, configurable: false });
  return bridge;
}
