/** Opens an https URL in the user's browser from the browser host (no Electron `shell`). */
import { spawn } from 'node:child_process';
import type { AuthorizationOpener } from '../flows';
import type { Logger } from '../log/logger';

export function systemBrowserCommand(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'open';
  if (platform === 'win32') return 'explorer';
  return 'xdg-open';
}

/** Launches the browser with the URL as one argument; never through a shell. */
export function openInSystemBrowser(url: string, logger: Logger): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return Promise.reject(new Error(`refusing to open a ${parsed.protocol} URL`));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(systemBrowserCommand(process.platform), [parsed.toString()], {
      stdio: 'ignore',
      detached: true,
    });
    child.once('error', (error) => {
      logger.warn('no browser could be opened', { error });
      reject(new Error('No browser could be opened on this machine; open the URL yourself.'));
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** The browser host has no windows of its own, so "isolated" also uses the system browser. */
export function systemBrowserOpener(logger: Logger): AuthorizationOpener {
  return { open: (url) => openInSystemBrowser(url, logger) };
}
