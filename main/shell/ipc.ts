/**
 * Registers the contract's handlers on `ipcMain`. Every call is checked before its payload is
 * even looked at: the sender must be a main frame (not a sub-frame, not gone) showing the
 * app's own origin. Then the shared dispatcher caps, parses and runs it.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Logger } from '../log/logger';
import {
  callNames,
  type Envelope,
  type EventName,
  type EventPayload,
  type Handlers,
} from '../../preload/contract';
import { dispatchCall } from '../app/dispatch';
import { isAppUrl } from './guards';

export type SenderVerdict = 'ok' | 'no-frame' | 'sub-frame' | 'foreign-origin';

export function checkSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): SenderVerdict {
  const frame = event.senderFrame;
  if (!frame) return 'no-frame';
  if (frame.parent !== null) return 'sub-frame';
  if (!isAppUrl(frame.url)) return 'foreign-origin';
  return 'ok';
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  logger: Logger,
): void {
  for (const name of callNames) {
    ipcMain.handle(`sharedesk:${name}`, async (event, raw: unknown): Promise<Envelope<unknown>> => {
      const verdict = checkSender(event);
      if (verdict !== 'ok') {
        logger.warn(`rejected ${name} from an untrusted sender: ${verdict}`);
        return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender.' } };
      }
      return dispatchCall(handlers, name, raw, logger);
    });
  }
}

/** Sends a contract event to a window's renderer. */
export function sendEvent<E extends EventName>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  event: E,
  payload: EventPayload<E>,
): void {
  if (!contents.isDestroyed()) contents.send(`sharedesk-event:${event}`, payload);
}
