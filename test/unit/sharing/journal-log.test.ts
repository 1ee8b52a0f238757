import { describe, expect, it } from 'vitest';
import { frameRecord, parseLog } from '../../../main/sharing/record-log';

const records = [{ n: 1 }, { n: 2, text: 'ünïcode "quoted"\nline' }, { n: 3 }];
const framed = records.map((record) => frameRecord(record));
const whole = Buffer.concat(framed);
const offsetOf = (index: number) => framed.slice(0, index).reduce((sum, b) => sum + b.length, 0);

describe('record log framing', () => {
  it('reads back every record of a whole log, byte lengths counted in UTF-8', () => {
    expect(parseLog(whole)).toEqual({ records, validBytes: whole.length, damage: undefined });
  });

  it.each([
    ['in the header', 5],
    ['in the body', 72],
    ['before the final newline', 1],
  ])('calls a last record cut %s torn, and keeps the records before it', (_label, keep) => {
    const cut = whole.subarray(0, offsetOf(2) + Math.min(keep, framed[2]!.length - 1));

    expect(parseLog(cut)).toEqual({
      records: records.slice(0, 2),
      validBytes: offsetOf(2),
      damage: expect.objectContaining({ kind: 'torn', offset: offsetOf(2), recordsAfter: false }),
    });
  });

  it('calls a changed byte in the middle damage, and reads the records after it', () => {
    const changed = Buffer.from(whole);
    changed.writeUInt8(changed.readUInt8(offsetOf(1) + 80) ^ 0x01, offsetOf(1) + 80);

    const read = parseLog(changed);

    expect(read.records).toEqual([records[0], records[2]]);
    expect(read.validBytes).toBe(offsetOf(1));
    expect(read.damage).toMatchObject({ kind: 'damaged', offset: offsetOf(1), recordsAfter: true });
  });

  it('calls a changed byte in the last record torn only if nothing valid follows', () => {
    const changed = Buffer.from(whole);
    changed.writeUInt8(changed.readUInt8(whole.length - 3) ^ 0x01, whole.length - 3);

    expect(parseLog(changed).damage).toMatchObject({ kind: 'torn', offset: offsetOf(2) });
  });

  it('calls stray text that is not a record damage', () => {
    const stray = Buffer.concat([framed[0]!, Buffer.from('hello\n'), framed[1]!]);

    expect(parseLog(stray)).toMatchObject({
      records: records.slice(0, 2),
      damage: { kind: 'damaged', reason: 'not a record header', recordsAfter: true },
    });
  });
});
