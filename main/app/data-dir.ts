/** Where ShareDesk keeps its files when it runs outside Electron (Electron uses `userData`). */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.SHAREDESK_DATA_DIR) return env.SHAREDESK_DATA_DIR;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'ShareDesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'ShareDesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'ShareDesk');
}
