/**
 * An in-memory disk for fast durability properties. Each simulated process gets its own
 * `FsShim` view of the same files; a "crash" at the N-th mutating call throws `CrashError` and
 * kills that view, so nothing the crashed process still has in flight can touch the disk.
 * Renames are atomic, as on a POSIX file system.
 */
import type { FileHandleShim, FsShim } from '../../../../main/sharing/durable-file';

export class CrashError extends Error {
  constructor() {
    super('simulated crash');
  }
}

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
}

export class MemoryDisk {
  readonly files = new Map<string, string>();
  /** The current process crashes at this many more mutating calls (undefined: never). */
  crashIn: number | undefined;

  /** A new process's view of the disk. */
  process(): FsShim {
    const state = { dead: false };
    const files = this.files;
    const tick = (): void => {
      if (state.dead) throw new CrashError();
      if (this.crashIn === undefined) return;
      this.crashIn -= 1;
      if (this.crashIn > 0) return;
      this.crashIn = undefined;
      state.dead = true;
      throw new CrashError();
    };
    const run = <T>(work: () => T): Promise<T> => {
      try {
        return Promise.resolve(work());
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const noop: FileHandleShim = {
      write: () => Promise.resolve(),
      sync: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    return {
      open: (path, flags) =>
        run(() => {
          if (flags === 'r') return noop;
          tick();
          if (files.has(path)) throw new Error(`EEXIST: ${path}`);
          files.set(path, '');
          return {
            write: (data: string) =>
              run(() => {
                tick();
                files.set(path, (files.get(path) ?? '') + data);
              }),
            sync: () => run(() => undefined),
            close: () => run(() => undefined),
          };
        }),
      readFile: (path) =>
        run(() => {
          const text = files.get(path);
          if (text === undefined) throw enoent(path);
          return text;
        }),
      rename: (from, to) =>
        run(() => {
          tick();
          const text = files.get(from);
          if (text === undefined) throw enoent(from);
          files.delete(from);
          files.set(to, text);
        }),
      link: (existing, newPath) =>
        run(() => {
          tick();
          const text = files.get(existing);
          if (text === undefined) throw enoent(existing);
          files.set(newPath, text);
        }),
      unlink: (path) =>
        run(() => {
          tick();
          if (!files.delete(path)) throw enoent(path);
        }),
      readdir: (dir) =>
        run(() =>
          [...files.keys()]
            .filter((p) => p.startsWith(`${dir}/`))
            .map((p) => p.slice(dir.length + 1)),
        ),
      mkdir: () => Promise.resolve(),
    };
  }
}
