/** The preload bridge: exposes one named function per contract call, nothing generic. */
import { contextBridge, ipcRenderer } from 'electron';
import { contract, type Channel, type CallInput, type CallResult } from './contract';

type Api = { [C in Channel]: (input: CallInput<C>) => Promise<CallResult<C>> };

const api = Object.fromEntries(
  (Object.keys(contract) as Channel[]).map((channel) => [
    channel,
    (input: unknown) => ipcRenderer.invoke(`sharedesk:${channel}`, input),
  ]),
) as Api;

contextBridge.exposeInMainWorld('api', api);
