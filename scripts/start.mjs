// Starts ShareDesk: builds the UI, then runs the Electron app when its runtime is available
// (fetching it on first start), and otherwise the browser host, saying why in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const passThrough = process.argv.slice(2);

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function fetchElectron() {
  // Install scripts are off (.npmrc), so the runtime is fetched here, once, on first start.
  const result = run(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return result.status === 0 ? electronBinary() : undefined;
}

function startBrowserHost(reason) {
  console.log(`Starting the browser host instead of the Electron window: ${reason}.`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'main', 'host', 'cli.ts'), ...passThrough],
    { cwd: root, stdio: 'inherit' },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
}

const build = run(process.execPath, [
  join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
  'build',
]);
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(build.status ?? 1);
}

let binary = electronBinary();
if (!binary && !process.env.SHAREDESK_BROWSER_HOST) binary = fetchElectron();

if (process.env.SHAREDESK_BROWSER_HOST) {
  startBrowserHost('SHAREDESK_BROWSER_HOST is set');
} else if (!binary) {
  startBrowserHost('the Electron runtime is not installed and could not be downloaded');
} else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  startBrowserHost('there is no display for a desktop window');
} else {
  const child = spawn(binary, [root, ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('error', (error) => startBrowserHost(`Electron failed to launch (${error.message})`));
  child.on('exit', (code) => process.exit(code ?? 0));
}
