/**
 * A size-rotated log file in the app's data folder: `sharedesk.log`, then `.1` … `.N`.
 * Writes are synchronous appends so a crash loses at most the record being written.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatRecord, type LogSink } from './logger';

export interface FileSinkOptions {
  dir: string;
  fileName?: string;
  maxBytes?: number;
  maxFiles?: number;
}

export function rotatingFileSink(options: FileSinkOptions): LogSink {
  const file = join(options.dir, options.fileName ?? 'sharedesk.log');
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 3;
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  let size = existsSync(file) ? statSync(file).size : 0;

  const rotate = (): void => {
    rmSync(`${file}.${maxFiles}`, { force: true });
    for (let i = maxFiles - 1; i >= 1; i--) {
      if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    if (existsSync(file)) renameSync(file, `${file}.1`);
    size = 0;
  };

  return (record) => {
    const line = `${formatRecord(record)}\n`;
    const bytes = Buffer.byteLength(line);
    if (size > 0 && size + bytes > maxBytes) rotate();
    appendFileSync(file, line, { mode: 0o600 });
    size += bytes;
  };
}
