import { describe, expect, it } from 'vitest';
import { handleFromName, isValidHandle, uniqueHandle } from '../../../main/sandbox/orgs/handles';

describe('organization handles', () => {
  it.each([
    ['ABC Builders', 'abcbuilders'],
    ['São Paulo', 'saopaulo'],
    ['  Berlin  Customer-Care! ', 'berlincustomercare'],
    ['東京', ''],
  ])('derives %s → "%s"', (name, handle) => {
    expect(handleFromName(name)).toBe(handle);
  });

  it('appends the first free number when taken', () => {
    const taken = new Set(['berlin', 'berlin2', 'berlin3']);
    expect(uniqueHandle('berlin', (h) => taken.has(h))).toBe('berlin4');
    expect(uniqueHandle('paris', (h) => taken.has(h))).toBe('paris');
  });

  it('accepts only lower-case letters, digits, dots and dashes', () => {
    expect(isValidHandle('business-europe.2')).toBe(true);
    expect(isValidHandle('Business')).toBe(false);
    expect(isValidHandle('-start')).toBe(false);
    expect(isValidHandle("x' or '1'='1")).toBe(false);
    expect(isValidHandle('')).toBe(false);
  });
});
