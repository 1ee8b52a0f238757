/**
 * An append-only file of JSON records: appending costs the record, never the whole file. Each
 * record is framed as `J1 <bytes> <sha256>\n<json>\n`, and an append is on disk (fsync) before
 * it is acknowledged. A crash can therefore only cut the last record short; reading tells such
 * a torn tail from damage further in, and neither is ever dropped silently: the bytes are moved
 * to a file beside the log and the reader gets a problem to report.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FsShim } from './durable-file';

export interface LogHandle {
  append(data: Buffer): Promise<void>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls the log makes, injectable so tests can pause or observe them. */
export interface LogFs {
  /** Opens for appending, creating the file (owner-only) when it is missing. */
  openAppend(path: string): Promise<LogHandle>;
  readFile(path: string): Promise<Buffer>;
  /** Creates a file that must not exist yet, writes it and syncs it. */
  writeNew(path: string, data: Buffer): Promise<void>;
  truncate(path: string, length: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  syncDir(dir: string): Promise<void>;
}

export const nodeLogFs: LogFs = {
  openAppend: async (path) => {
    const handle = await fsp.open(path, 'a', 0o600);
    return {
      append: async (data) => {
        await handle.write(data);
      },
      sync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
  readFile: (path) => fsp.readFile(path),
  writeNew: async (path, data) => {
    const handle = await fsp.open(path, 'wx', 0o600);
    try {
      await handle.write(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  truncate: (path, length) => fsp.truncate(path, length),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  readdir: (dir) => fsp.readdir(dir),
  syncDir: async (dir) => {
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } catch {
      // Some platforms cannot fsync a directory; renames there are still atomic.
    } finally {
      await handle.close();
    }
  },
};

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One record as it goes on disk. */
export function frameRecord(value: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const header = Buffer.from(`J1 ${body.length} ${sha256(body)}\n`, 'latin1');
  return Buffer.concat([header, body, Buffer.from('\n', 'latin1')]);
}

/** Where reading stopped short of the end of the file, and why. */
export interface LogDamage {
  offset: number;
  /** `torn`: an unfinished last record, as a crash mid-append leaves; `damaged`: anything else. */
  kind: 'torn' | 'damaged';
  reason: string;
  /** Whether valid records follow the damage (they are read; the damaged bytes are skipped). */
  recordsAfter: boolean;
}

export interface ReadLog {
  records: unknown[];
  /** Byte length of the valid prefix (everything before the first damage). */
  validBytes: number;
  damage: LogDamage | undefined;
}

const HEADER = /^J1 (\d{1,10}) ([0-9a-f]{64})$/;
const NEWLINE = 0x0a;

type Step = { value: unknown; next: number } | { problem: string; torn: boolean };

function readRecordAt(data: Buffer, offset: number): Step {
  const headerEnd = data.indexOf(NEWLINE, offset);
  if (headerEnd === -1) return { problem: 'an unfinished record header', torn: true };
  const header = HEADER.exec(data.toString('latin1', offset, headerEnd));
  if (header === null) return { problem: 'not a record header', torn: false };
  const start = headerEnd + 1;
  const end = start + Number(header[1]);
  if (end + 1 > data.length) return { problem: 'a record cut short', torn: true };
  // A bad last record is what an interrupted append leaves behind.
  const last = end + 1 === data.length;
  const body = data.subarray(start, end);
  if (data[end] !== NEWLINE || sha256(body) !== header[2]) {
    return { problem: 'a record whose checksum does not match', torn: last };
  }
  try {
    return { value: JSON.parse(body.toString('utf8')) as unknown, next: end + 1 };
  } catch {
    return { problem: 'a record that is not JSON', torn: last };
  }
}

/** The next offset after `from` where a valid record starts, if any. */
function resync(data: Buffer, from: number): number | undefined {
  let at = data.indexOf('\nJ1 ', from, 'latin1');
  while (at !== -1) {
    if ('value' in readRecordAt(data, at + 1)) return at + 1;
    at = data.indexOf('\nJ1 ', at + 1, 'latin1');
  }
  return undefined;
}

/** Reads every valid record; after damage, reading resumes at the next valid record. */
export function parseLog(data: Buffer): ReadLog {
  const records: unknown[] = [];
  let damage: LogDamage | undefined;
  let validBytes = data.length;
  let offset = 0;
  while (offset < data.length) {
    const step = readRecordAt(data, offset);
    if ('value' in step) {
      records.push(step.value);
      offset = step.next;
      continue;
    }
    const resumeAt = resync(data, offset);
    if (damage === undefined) {
      validBytes = offset;
      damage = {
        offset,
        kind: step.torn && resumeAt === undefined ? 'torn' : 'damaged',
        reason: step.problem,
        recordsAfter: resumeAt !== undefined,
      };
    } else if (resumeAt !== undefined) damage.recordsAfter = true;
    if (resumeAt === undefined) break;
    offset = resumeAt;
  }
  return { records, validBytes, damage };
}

/** Reads a log file; a missing file reads as empty. */
export async function readLogFile(fs: LogFs, path: string): Promise<ReadLog & { bytes: number }> {
  let data: Buffer;
  try {
    data = await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return { records: [], validBytes: 0, damage: undefined, bytes: 0 };
    }
    throw error;
  }
  return { ...parseLog(data), bytes: data.length };
}

/** A file name beside `path` that no other file has: `<name>.<label>-<time>-<random>`. */
export function asideName(path: string, label: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return join(
    dirname(path),
    `${basename(path)}.${label}-${stamp}-${randomBytes(3).toString('hex')}`,
  );
}

/**
 * The open end of a log: appends one framed record at a time and syncs it. The file is opened
 * for each append and closed after it, so no handle outlives a write (an append costs one
 * open more, little beside writing and syncing the record). After a failed write the file is
 * cut back to its last good length, so a later record never follows a partial one; if even
 * that fails, the log refuses further appends until it is reopened.
 */
export class LogAppender {
  private broken = false;

  constructor(
    private readonly fs: LogFs,
    private readonly path: string,
    /** Byte length of the valid file as read (0 for a new log). */
    private size: number,
  ) {}

  get bytes(): number {
    return this.size;
  }

  async append(value: unknown): Promise<void> {
    if (this.broken) {
      throw new Error('the journal log could not be repaired after a failed write; reopen it');
    }
    const record = frameRecord(value);
    const handle = await this.fs.openAppend(this.path);
    try {
      await handle.append(record);
      await handle.sync();
    } catch (error) {
      await this.cutBack(handle);
      throw error;
    } finally {
      await handle.close();
    }
    // The first record may have created the file: make its name durable too.
    if (this.size === 0) await this.fs.syncDir(dirname(this.path));
    this.size += record.length;
  }

  private async cutBack(handle: LogHandle): Promise<void> {
    try {
      await handle.truncate(this.size);
      await handle.sync();
    } catch {
      this.broken = true;
    }
  }
}

/**
 * A log over the snapshot store's injected file system (an in-memory disk in tests), which
 * has no append: each append rewrites the file through a temp file and a rename. Only for
 * such test disks; with node's file system the journal uses `nodeLogFs`.
 */
export function logFsOver(shim: FsShim): LogFs {
  const read = async (path: string): Promise<Buffer> => {
    try {
      return Buffer.from(await shim.readFile(path), 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return Buffer.alloc(0);
      throw error;
    }
  };
  const writeNew = async (path: string, data: Buffer): Promise<void> => {
    const handle = await shim.open(path, 'wx');
    await handle.write(data.toString('utf8'));
    await handle.sync();
    await handle.close();
  };
  const replace = async (path: string, data: Buffer): Promise<void> => {
    const temp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
    await writeNew(temp, data);
    await shim.rename(temp, path);
  };
  return {
    openAppend: (path) =>
      Promise.resolve({
        append: async (data) => replace(path, Buffer.concat([await read(path), data])),
        sync: () => Promise.resolve(),
        truncate: async (length) => replace(path, (await read(path)).subarray(0, length)),
        close: () => Promise.resolve(),
      }),
    readFile: async (path) => {
      const text = await shim.readFile(path);
      return Buffer.from(text, 'utf8');
    },
    writeNew,
    truncate: async (path, length) => replace(path, (await read(path)).subarray(0, length)),
    rename: (from, to) => shim.rename(from, to),
    unlink: (path) => shim.unlink(path),
    readdir: (dir) => shim.readdir(dir),
    syncDir: async (dir) => {
      const handle = await shim.open(dir, 'r');
      await handle.sync();
      await handle.close();
    },
  };
}
