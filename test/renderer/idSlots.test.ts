import { describe, expect, it } from 'vitest';
import { IdSlots, ownCopy } from '../../renderer/src/store/idSlots';

describe('IdSlots, the runs index table of id to slot', () => {
  it('answers as a Map would over 100,000 ids, across its growth, overwrites included', () => {
    const table = new IdSlots();
    const map = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const id = `R-${String(200_001 + i * 7)}`;
      table.set(id, i);
      map.set(id, i);
    }
    // Overwrite some: the table keeps one cell per id.
    for (let i = 0; i < 100_000; i += 97) {
      const id = `R-${String(200_001 + i * 7)}`;
      table.set(id, 200_000 + i);
      map.set(id, 200_000 + i);
    }
    expect(table.size).toBe(map.size);
    for (const [id, slot] of map) expect(table.get(id)).toBe(slot);
    for (const id of ['R-200002', 'R-1', '', 'r-200001', 'R-2000010']) {
      expect(table.has(id)).toBe(false);
      expect(table.get(id)).toBeUndefined();
    }
  });

  it('tells apart ids whose hashes collide in a small table', () => {
    const table = new IdSlots(4);
    const ids = Array.from({ length: 12 }, (_, i) => `id-${String(i)}`);
    ids.forEach((id, i) => {
      table.set(id, i);
    });
    ids.forEach((id, i) => {
      expect(table.get(id)).toBe(i);
    });
  });

  it('forgets every id at once', () => {
    const table = new IdSlots();
    table.set('R-1', 1);
    table.set('R-2', 2);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.has('R-1')).toBe(false);
    table.set('R-2', 5);
    expect(table.get('R-2')).toBe(5);
  });
});

describe('ownCopy', () => {
  it('is the same text', () => {
    for (const id of ['R-1', 'R-200001', 'a-much-longer-run-id-from-another-plant-000123', '']) expect(ownCopy(id)).toBe(id);
  });
});
