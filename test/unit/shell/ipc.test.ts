import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { registerIpcHandlers } from '../../../main/shell/ipc';
import { callNames, type Handlers } from '../../../preload/contract';

type Listener = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;

function setup() {
  const registered = new Map<string, Listener>();
  const calls: string[] = [];
  const ipcMain = {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
  };
  const handlers = {
    getAppInfo: () => {
      calls.push('getAppInfo');
      return Promise.resolve({
        name: 'ShareDesk',
        version: '0',
        host: 'electron' as const,
        keychain: { backend: 'keychain' as const },
      });
    },
  } as unknown as Handlers;
  registerIpcHandlers(ipcMain, handlers, silentLogger);
  return { registered, calls };
}

const frame = (url: string, parent: unknown = null) =>
  ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('IPC handler registration', () => {
  it('registers exactly the contract channels', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual(callNames.map((n) => `sharedesk:${n}`).sort());
  });

  it('runs a call from the app main frame', async () => {
    const { registered, calls } = setup();
    const result = await registered.get('sharedesk:getAppInfo')!(
      frame('app://sharedesk/index.html'),
      {},
    );
    expect(result).toMatchObject({ ok: true, value: { name: 'ShareDesk' } });
    expect(calls).toEqual(['getAppInfo']);
  });

  it('rejects missing frames, sub-frames and foreign origins before parsing', async () => {
    const { registered, calls } = setup();
    const handler = registered.get('sharedesk:getAppInfo')!;
    const senders = [
      { senderFrame: null } as unknown as IpcMainInvokeEvent,
      frame('app://sharedesk/index.html', { url: 'app://sharedesk/' }),
      frame('https://evil.example/'),
      frame('app://sharedesk.evil/index.html'),
      frame('file:///etc/passwd'),
    ];
    for (const sender of senders) {
      expect(await handler(sender, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
  });

  it('rejects payloads failing the schema, with extra keys, or too deep', async () => {
    const { registered, calls } = setup();
    const handler = registered.get('sharedesk:getAppInfo')!;
    const app = frame('app://sharedesk/index.html');
    expect(await handler(app, { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await handler(app, 'text')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    let deep: unknown = {};
    for (let i = 0; i < 1000; i++) deep = { a: deep };
    expect(await handler(app, deep)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });
});
