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

let bridge: BridgeApi | undefined;

export function getBridge(): BridgeApi {
  if (bridge) return bridge;
  if (window.api) {
    bridge = window.api;
  } else {
    bridge = createHttpBridge();
    Object.defineProperty(window, 'api', { value: bridge, writable: false, configurable: false });
  }
  return bridge;
}
