/**
 * A JSON document kept on disk with atomic snapshot writes: write a temp file (`wx`), fsync it,
 * keep the previous generation as `.bak` (a hard link, so the main file never disappears),
 * rename the temp file over the main one, fsync the directory. Each file carries a SHA-256 of
 * its body. On load, stray temp files are removed; a corrupt file is renamed aside with a
 * timestamp (kept, never deleted), the backup is used when valid, and every problem is
 * reported to the caller — the store never silently starts empty over a damaged file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import type { Clock } from './ports';
import { describeSchemaError } from '../../preload/contract/sharing-domain';
import type { LoadProblem } from '../../preload/contract/sharing-views';
export type { LoadProblem };

export interface FileHandleShim {
  write(data: string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls the store makes, injectable so tests can observe their order. */
export interface FsShim {
  open(path: string, flags: 'wx' | 'r'): Promise<FileHandleShim>;
  readFile(path: string): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
}

export const nodeFs: FsShim = {
  open: async (path, flags) => {
    const handle = await fsp.open(path, flags, 0o600);
    return {
      write: async (data) => {
        await handle.writeFile(data, 'utf8');
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  readFile: (path) => fsp.readFile(path, 'utf8'),
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, newPath) => fsp.link(existing, newPath),
  unlink: (path) => fsp.unlink(path),
  readdir: (dir) => fsp.readdir(dir),
  mkdir: async (dir) => {
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  },
};

export interface LoadResult<T> {
  /** `undefined` when there is no usable file (new, or unrecoverable — see problems). */
  value: T | undefined;
  problems: LoadProblem[];
  strayRemoved: string[];
}

export interface DurableFileOptions<T> {
  dir: string;
  /** File name, e.g. `outbox.json`. */
  name: string;
  /** Identifies the document kind inside the file. */
  format: string;
  schema: z.ZodType<T>;
  fs?: FsShim;
  clock?: Clock;
  logger: Logger;
}

const envelopeSchema = z.object({
  format: z.string(),
  version: z.literal(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  body: z.unknown(),
});

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class DurableFile<T> {
  private readonly fs: FsShim;
  private readonly path: string;
  private readonly backup: string;
  private chain: Promise<unknown> = Promise.resolve();

  /** Readable so that companions kept beside the file (the journal's log) share its settings. */
  constructor(readonly options: DurableFileOptions<T>) {
    this.fs = options.fs ?? nodeFs;
    this.path = join(options.dir, options.name);
    this.backup = `${this.path}.bak`;
  }

  /** Serializes and writes atomically; concurrent saves run one after another. */
  save(value: T): Promise<void> {
    const run = this.chain.then(() => this.write(value));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async write(value: T): Promise<void> {
    const body = JSON.stringify(value);
    const text = `{"format":${JSON.stringify(this.options.format)},"version":1,"sha256":"${sha256(body)}","body":${body}}\n`;
    const temp = `${this.path}.tmp-${randomBytes(6).toString('hex')}`;
    const handle = await this.fs.open(temp, 'wx');
    try {
      await handle.write(text);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await this.fs.unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await this.keepBackup();
    await this.fs.rename(temp, this.path);
    await this.syncDir();
  }

  /**
   * Points `.bak` at the current main file. Linked under a temp name first and renamed over the
   * old backup, so there is never a moment without a backup while the main file is missing
   * (as when a backup is being restored).
   */
  private async keepBackup(): Promise<void> {
    const temp = `${this.path}.tmp-bak-${randomBytes(6).toString('hex')}`;
    try {
      await this.fs.link(this.path, temp);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      throw error;
    }
    await this.fs.rename(temp, this.backup);
  }

  private async ignoreMissing(work: Promise<void>): Promise<void> {
    try {
      await work;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }

  private async syncDir(): Promise<void> {
    let handle: FileHandleShim | undefined;
    try {
      handle = await this.fs.open(this.options.dir, 'r');
      await handle.sync();
    } catch (error) {
      // Some platforms cannot fsync a directory; the rename is still atomic there.
      this.options.logger.debug('directory fsync not available', { code: errorCode(error) });
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  /** Parses one file; returns the value or why it is unusable (`missing` when absent). */
  private async parse(
    path: string,
  ): Promise<{ value: T } | { missing: true } | { invalid: string }> {
    let text: string;
    try {
      text = await this.fs.readFile(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { missing: true };
      return { invalid: `unreadable: ${errorCode(error) ?? String(error)}` };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { invalid: 'not valid JSON (truncated or overwritten)' };
    }
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) return { invalid: `envelope ${describeSchemaError(envelope.error)}` };
    if (envelope.data.format !== this.options.format) {
      return { invalid: `holds "${envelope.data.format}", expected "${this.options.format}"` };
    }
    if (sha256(JSON.stringify(envelope.data.body)) !== envelope.data.sha256) {
      return { invalid: 'checksum mismatch' };
    }
    const body = this.options.schema.safeParse(envelope.data.body);
    if (!body.success) return { invalid: `body ${describeSchemaError(body.error)}` };
    return { value: body.data };
  }

  private async quarantine(path: string): Promise<string> {
    const stamp = new Date((this.options.clock ?? { now: Date.now }).now())
      .toISOString()
      .replace(/[:.]/g, '-');
    const target = `${path}.corrupt-${stamp}`;
    await this.fs.rename(path, target);
    return target;
  }

  private async removeStray(): Promise<string[]> {
    const prefix = `${this.options.name}.tmp-`;
    const stray = (await this.fs.readdir(this.options.dir)).filter((file) =>
      file.startsWith(prefix),
    );
    for (const file of stray)
      await this.ignoreMissing(this.fs.unlink(join(this.options.dir, file)));
    return stray;
  }

  async load(): Promise<LoadResult<T>> {
    await this.fs.mkdir(this.options.dir);
    const strayRemoved = await this.removeStray();
    const problems: LoadProblem[] = [];
    const main = await this.parse(this.path);
    if ('value' in main) return { value: main.value, problems, strayRemoved };
    if ('invalid' in main) {
      problems.push({
        kind: 'corrupt',
        file: this.path,
        quarantinedTo: await this.quarantine(this.path),
        detail: main.invalid,
      });
    }

    const backup = await this.parse(this.backup);
    if ('value' in backup) {
      problems.push({
        kind: 'restored-from-backup',
        file: this.backup,
        quarantinedTo: null,
        detail: 'missing' in main ? 'main file missing' : 'the previous generation was used',
      });
      await this.save(backup.value);
      this.options.logger.warn('restored from backup', { file: this.path });
      return { value: backup.value, problems, strayRemoved };
    }
    if ('invalid' in backup) {
      problems.push({
        kind: 'corrupt',
        file: this.backup,
        quarantinedTo: await this.quarantine(this.backup),
        detail: backup.invalid,
      });
    }
    if (problems.length > 0) {
      problems.push({
        kind: 'unrecoverable',
        file: this.path,
        quarantinedTo: null,
        detail: 'no valid generation was found; the damaged files were kept',
      });
      this.options.logger.error('no valid generation', { file: this.path });
    }
    return { value: undefined, problems, strayRemoved };
  }
}
