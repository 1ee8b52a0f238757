/**
 * Named loggers with levels. Every record passes through redaction before it reaches a sink,
 * so no call site can leak a secret by accident.
 */
import { redact, redactString } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface LogRecord {
  time: string;
  level: LogLevel;
  logger: string;
  message: string;
  fields?: unknown;
}

export type LogSink = (record: LogRecord) => void;

export interface Logger {
  readonly name: string;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(name: string): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  sinks: LogSink[];
  clock?: () => Date;
}

export function createLogger(name: string, options: LoggerOptions): Logger {
  const minimum = LOG_LEVELS.indexOf(options.level ?? 'info');
  const clock = options.clock ?? (() => new Date());

  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (LOG_LEVELS.indexOf(level) < minimum || options.sinks.length === 0) return;
    const record: LogRecord = {
      time: clock().toISOString(),
      level,
      logger: name,
      message: redactString(message),
    };
    if (fields !== undefined) record.fields = redact(fields);
    for (const sink of options.sinks) sink(record);
  };

  return {
    name,
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (childName) => createLogger(`${name}:${childName}`, options),
  };
}

export function formatRecord(record: LogRecord): string {
  const fields = record.fields === undefined ? '' : ` ${JSON.stringify(record.fields)}`;
  return `${record.time} ${record.level.toUpperCase()} [${record.logger}] ${record.message}${fields}`;
}

/** Writes warnings and errors to stderr; quieter levels only when asked. */
export function consoleSink(minimum: LogLevel = 'warn'): LogSink {
  const floor = LOG_LEVELS.indexOf(minimum);
  return (record) => {
    if (LOG_LEVELS.indexOf(record.level) >= floor) console.error(formatRecord(record));
  };
}

/** A logger that drops everything, for code whose caller passes none. */
export const silentLogger: Logger = createLogger('silent', { sinks: [] });
