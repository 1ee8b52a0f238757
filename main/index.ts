/**
 * Electron entry: wiring only. Security guards live in `shell/`, services in `app/`.
 */
import { join } from 'node:path';
import { BrowserWindow, app, ipcMain, protocol, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { createAppContext } from './app/context';
import { rotatingFileSink } from './log/file-sink';
import { consoleSink, createLogger } from './log/logger';
import { denyAllPermissions, guardWebContents } from './shell/guards';
import { registerIpcHandlers, sendEvent } from './shell/ipc';
import { appProtocolHandler } from './shell/protocol';
import { forbiddenSwitch } from './shell/startup';
import { isolatedWindowOpener } from './shell/auth-window';
import { createMainWindow } from './shell/window';

const refused = app.isPackaged ? forbiddenSwitch(process.argv) : undefined;
if (refused) {
  console.error(`ShareDesk does not run with ${refused}.`);
  app.exit(1);
}
if (!app.requestSingleInstanceLock()) app.exit(0);

// `standard` gives the scheme an origin; it is deliberately not allowed to bypass the CSP.
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } },
]);

const allowedExternalHosts = new Set<string>(['is.docs.wso2.com', 'wso2.com']);

app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, {
    openExternal: (url) => shell.openExternal(url),
    allowedExternalHosts: () => allowedExternalHosts,
  });
});

app.on('window-all-closed', () => app.quit());

void app.whenReady().then(async () => {
  const dataDir = app.getPath('userData');
  const logger = createLogger('sharedesk', {
    level: 'info',
    sinks: [rotatingFileSink({ dir: join(dataDir, 'logs') }), consoleSink('warn')],
  });
  denyAllPermissions(session.defaultSession);
  protocol.handle('app', appProtocolHandler(join(__dirname, '..', 'renderer')));

  const context = await createAppContext({
    host: 'electron',
    version: app.getVersion(),
    dataDir,
    logger,
    createStore: (storeOptions) => new ElectronStore<Record<string, unknown>>(storeOptions),
    opener: isolatedWindowOpener({
      Window: BrowserWindow,
      openExternal: (url) => shell.openExternal(url),
    }),
  });
  registerIpcHandlers(ipcMain, context.handlers, logger.child('ipc'));
  const window = await createMainWindow(
    BrowserWindow,
    join(__dirname, '..', 'preload', 'index.js'),
  );
  context.onEvent((event, payload) => sendEvent(window.webContents, event, payload));
  app.on('second-instance', () => window.focus());
  app.on('before-quit', () => void context.dispose());
});
