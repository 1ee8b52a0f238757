/**
 * The preload bridge. It exposes exactly one named function per contract call and one
 * `on…` subscription per contract event — never a channel-taking `invoke` — so the renderer
 * can reach nothing the contract does not list.
 */
import './jitless';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callNames, eventNames, listenerName } from './contract';

const api: Record<string, unknown> = {};

for (const name of callNames) {
  api[name] = (input: unknown): Promise<unknown> => ipcRenderer.invoke(`sharedesk:${name}`, input);
}

for (const event of eventNames) {
  api[listenerName(event)] = (listener: (payload: unknown) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(`sharedesk-event:${event}`, forward);
    return () => {
      ipcRenderer.removeListener(`sharedesk-event:${event}`, forward);
    };
  };
}

contextBridge.exposeInMainWorld('api', Object.freeze(api));
