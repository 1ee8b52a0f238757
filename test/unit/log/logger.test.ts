import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../../../main/log/logger';
import { rotatingFileSink } from '../../../main/log/file-sink';
import { redact, redactString } from '../../../main/log/redact';

const jwt =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhZ2VudCIsImV4cCI6MTc2MDAwMDAwMH0.c2lnbmF0dXJl';

describe('redaction', () => {
  it('masks JWTs, bearer credentials and form secrets inside free text', () => {
    const text = `got ${jwt} with Authorization: Bearer abcdef123456 and client_secret=s3cr3t&x=1`;
    const out = redactString(text);
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('abcdef123456');
    expect(out).not.toContain('s3cr3t');
    expect(out).toContain('x=1');
    expect(out).toContain(`[redacted jwt len=${jwt.length}]`);
  });

  it('masks secret-named fields at any depth and keeps the rest', () => {
    const out = redact({
      orgId: 'b028ca17',
      nested: { password: 'hunter2', list: [{ refresh_token: 'rt-1' }] },
      headers: { Authorization: 'Basic Zm9vOmJhcg==' },
    });
    expect(out).toEqual({
      orgId: 'b028ca17',
      nested: {
        password: '[redacted password len=7]',
        list: [{ refresh_token: '[redacted refresh_token len=4]' }],
      },
      headers: { Authorization: '[redacted authorization len=18]' },
    });
  });
});

describe('logger', () => {
  it('names child loggers, filters by level and redacts messages', () => {
    const records: LogRecord[] = [];
    const root = createLogger('sharedesk', { level: 'info', sinks: [(r) => records.push(r)] });
    const sync = root.child('sync');
    sync.debug('hidden');
    sync.info(`token ${jwt}`, { secret: 'abc' });
    expect(records).toHaveLength(1);
    expect(records[0]!.logger).toBe('sharedesk:sync');
    expect(records[0]!.message).not.toContain(jwt);
    expect(records[0]!.fields).toEqual({ secret: '[redacted secret len=3]' });
  });

  it('rotates the log file when it grows past its size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sharedesk-log-'));
    const sink = rotatingFileSink({ dir, maxBytes: 300, maxFiles: 2 });
    const log = createLogger('rot', { level: 'debug', sinks: [sink] });
    for (let i = 0; i < 20; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['sharedesk.log', 'sharedesk.log.1', 'sharedesk.log.2']);
    expect(readFileSync(join(dir, 'sharedesk.log'), 'utf8')).toContain('line 19');
  });
});

describe('credential schemes', () => {
  it('masks Bearer and Basic credentials with their real length', () => {
    expect(redactString('Authorization: Bearer abcdef123456')).toBe(
      'Authorization: Bearer [redacted credential len=12]',
    );
    expect(redactString('basic Zm9vOmJhcg==')).toBe('basic [redacted credential len=12]');
  });
});
