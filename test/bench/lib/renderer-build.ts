/**
 * The built renderer the browser host serves (`out/renderer`). Rebuilt when missing or older
 * than its sources, so the renderer scenarios never measure a stale UI; left alone otherwise,
 * because other test runs on the machine may be serving it.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
const SOURCES = ['renderer', 'preload'].map((dir) => join(REPO_ROOT, dir));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function rendererIsStale(): boolean {
  const index = join(RENDERER_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((dir) => existsSync(dir) && newestMtime(dir) > built);
}

/** Builds with electron-vite when the renderer bundle is missing or stale. */
export async function ensureRendererBuilt(log: (line: string) => void): Promise<void> {
  if (!rendererIsStale()) return;
  log('  building the renderer (out/renderer is missing or older than its sources)…');
  await promisify(execFile)(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
}
