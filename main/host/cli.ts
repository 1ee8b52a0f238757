/**
 * Starts ShareDesk in the browser host: the main-process services plus a loopback web server,
 * for machines where the Electron runtime is unavailable and for end-to-end tests.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createAppContext } from '../app/context';
import { defaultDataDir } from '../app/data-dir';
import { rotatingFileSink } from '../log/file-sink';
import { consoleSink, createLogger } from '../log/logger';
import { HOST_USAGE, HostUsageError, parseHostArgs } from './cli-args';
import { startBrowserHost } from './server';
import { openInSystemBrowser, systemBrowserOpener } from './system-browser';

const repoRoot = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const options = parseHostArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${HOST_USAGE}\n`);
    return;
  }
  const dataDir = options.dataDir ?? defaultDataDir();
  const logger = createLogger('sharedesk', {
    level: 'info',
    sinks: [rotatingFileSink({ dir: join(dataDir, 'logs') }), consoleSink('warn')],
  });
  const version = (
    JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const context = await createAppContext({
    host: 'browser',
    version,
    dataDir,
    logger,
    opener: systemBrowserOpener(logger),
  });
  const host = await startBrowserHost({
    rendererDir: options.rendererDir ?? join(repoRoot, 'out', 'renderer'),
    handlers: context.handlers,
    logger: logger.child('host'),
    port: options.port,
  });
  context.onEvent((event, payload) => host.broadcast(event, payload));

  process.stdout.write(`ShareDesk is running at ${host.launchUrl}\nData folder: ${dataDir}\n`);
  if (options.open && !process.env.CI) {
    openInSystemBrowser(host.launchUrl, logger).catch(() => {
      console.error('No browser could be opened; open the URL above yourself.');
    });
  }

  const stop = (): void => {
    void Promise.all([host.close(), context.dispose()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof HostUsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(
    `ShareDesk could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
