import { describe, expect, it } from 'vitest';
import { sameRow } from '../../renderer/src/store/sameRow';

describe('sameRow', () => {
  it('holds rows with the same fields equal whatever the order of their keys', () => {
    expect(sameRow({ id: 'R-1', status: 'hold', stepIds: ['a', 'b'], meta: { by: 'u', at: null } }, { meta: { at: null, by: 'u' }, stepIds: ['a', 'b'], status: 'hold', id: 'R-1' })).toBe(true);
  });

  it('tells rows apart by a value, a missing or extra field, or the order of a list', () => {
    const row = { id: 'R-1', version: 2, stepIds: ['a', 'b'] };
    expect(sameRow(row, { ...row, version: 3 })).toBe(false);
    expect(sameRow(row, { id: 'R-1', stepIds: ['a', 'b'] })).toBe(false);
    expect(sameRow(row, { ...row, extra: undefined })).toBe(false);
    expect(sameRow(row, { ...row, stepIds: ['b', 'a'] })).toBe(false);
    expect(sameRow(row, undefined)).toBe(false);
    expect(sameRow([1], { 0: 1 })).toBe(false);
  });

  it('never holds anything but plain data equal to a different object', () => {
    expect(sameRow(new Date(0), new Date(0))).toBe(false);
    expect(sameRow(new Map(), new Map())).toBe(false);
  });
});
