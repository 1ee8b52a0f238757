/**
 * Crash-safe file replacement: write a fresh temp file (`wx`, so nothing else is clobbered),
 * fsync it, rename it over the target, then fsync the directory so the rename itself is
 * durable. A crash at any point leaves either the old file or the new one, never a mix. The
 * file system is injected so tests can observe the order of these steps.
 */
import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

export interface FileHandleLike {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The slice of `node:fs/promises` the cache uses. */
export interface CacheFs {
  open(file: string, flags: 'wx' | 'r'): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
}

export const nodeFs: CacheFs = {
  open: (file, flags) => fsp.open(file, flags),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  readFile: (file, encoding) => fsp.readFile(file, encoding),
  readdir: (dir) => fsp.readdir(dir),
  mkdir: (dir, options) => fsp.mkdir(dir, options),
};

export const TEMP_SUFFIX = '.tmp';

export async function writeFileAtomic(fs: CacheFs, file: string, data: string): Promise<void> {
  const temp = `${file}.${randomUUID()}${TEMP_SUFFIX}`;
  const handle = await fs.open(temp, 'wx');
  try {
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, path.dirname(file));
}

/**
 * Makes a rename durable. Windows cannot open a directory for fsync; there the rename is as
 * durable as the file system makes it on its own.
 */
async function syncDirectory(fs: CacheFs, dir: string): Promise<void> {
  let handle: FileHandleLike;
  try {
    handle = await fs.open(dir, 'r');
  } catch (error) {
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes temp files a crash left next to `file`. */
export async function removeStrayTemps(fs: CacheFs, file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)) {
      await fs.unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}

export function isNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT'
  );
}
