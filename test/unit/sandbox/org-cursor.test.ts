import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, isAfter, isBefore } from '../../../main/sandbox/orgs/cursor';
import {
  formatTimestamp,
  isoFromMicros,
  parseTimestamp,
} from '../../../main/sandbox/orgs/timestamps';

describe('organization timestamps', () => {
  it('formats like java.sql.Timestamp.toString, in UTC', () => {
    expect(formatTimestamp(Date.UTC(2021, 11, 21, 5, 18, 31) * 1000 + 4348)).toBe(
      '2021-12-21 05:18:31.004348',
    );
    expect(formatTimestamp(Date.UTC(2021, 0, 2, 3, 4, 5) * 1000 + 500_000)).toBe(
      '2021-01-02 03:04:05.5',
    );
    expect(formatTimestamp(Date.UTC(2021, 0, 2, 3, 4, 5) * 1000)).toBe('2021-01-02 03:04:05.0');
    expect(isoFromMicros(Date.UTC(2021, 9, 25, 12, 31, 53, 406) * 1000 + 999)).toBe(
      '2021-10-25T12:31:53.406Z',
    );
  });

  it('parses back what it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000_000 }), (micros) => {
        expect(parseTimestamp(formatTimestamp(micros))).toEqual({ micros, extraNanos: 0 });
      }),
    );
  });

  it('keeps nanoseconds beyond the microsecond', () => {
    expect(parseTimestamp('2021-12-21 05:18:31.004348123')).toEqual({
      micros: Date.UTC(2021, 11, 21, 5, 18, 31) * 1000 + 4348,
      extraNanos: 123,
    });
  });

  it.each([
    '2021-13-01 00:00:00',
    '2021-01-01 24:00:00',
    '2021-01-01',
    'now',
    '2021-01-01 00:00:00.1234567890',
  ])('rejects %s', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

describe('organization cursors', () => {
  it('are Base64 of the created string, as in the WSO2 docs', () => {
    expect(encodeCursor('2021-12-21 05:18:31.004348')).toBe('MjAyMS0xMi0yMSAwNToxODozMS4wMDQzNDg=');
    expect(decodeCursor('MjAyMS0xMi0yMSAwNToxODozMS4wMDQzNDg=')).toEqual(
      parseTimestamp('2021-12-21 05:18:31.004348'),
    );
  });

  it('accept missing padding like Java’s decoder', () => {
    expect(decodeCursor('MjAyMS0xMi0yMSAwNToxODozMS4wMDQzNDg')).toBeDefined();
  });

  it.each([
    ['not base64', 'ab$c'],
    ['url-safe alphabet', 'MjAyMS0xMi0yMSAwNToxODozMS4wMDQzNDg_'],
    ['wrong padding', 'MjAyMS0xMi0yMSAwNToxODozMS4wMDQzNDg=='],
    ['not a timestamp', Buffer.from('hello').toString('base64')],
  ])('reject %s', (_label, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });

  it('compare with nanosecond precision', () => {
    const at = { micros: 10, extraNanos: 0 };
    const later = { micros: 10, extraNanos: 1 };
    expect(isBefore(9, at)).toBe(true);
    expect(isBefore(10, at)).toBe(false);
    expect(isBefore(10, later)).toBe(true);
    expect(isAfter(11, at)).toBe(true);
    expect(isAfter(10, at)).toBe(false);
    expect(isAfter(10, later)).toBe(false);
  });
});
