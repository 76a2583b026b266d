import { describe, expect, it } from 'vitest';
import { assignSlots } from '../../renderer/src/runs/rowSlots';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('row slots of the virtualized runs grid', () => {
  it('keeps the slot of every row still in view and gives the rows scrolled in the slots of those scrolled out', () => {
    const first = assignSlots(new Map(), range(10, 35));
    expect([...first.values()]).toEqual(range(0, 25));
    const scrolled = assignSlots(first, range(17, 42));
    for (const index of range(17, 35)) expect(scrolled.get(index)).toBe(first.get(index));
    // Rows 10–16 left with slots 0–6; rows 35–41 take exactly those.
    expect(range(35, 42).map((i) => scrolled.get(i))).toEqual(range(0, 7));
  });

  it('never gives two rows one slot, and uses no more slots than rows, when the count in view changes', () => {
    let slots = new Map<number, number>();
    const windows = [range(0, 25), range(3, 29), range(9, 33), range(500, 524), range(502, 527), range(99_975, 100_000)];
    for (const window of windows) {
      slots = assignSlots(slots, window);
      const taken = window.map((i) => slots.get(i));
      expect(new Set(taken).size).toBe(window.length);
      expect(Math.max(...taken.map((k) => k ?? Infinity))).toBeLessThan(Math.max(window.length, 29));
    }
  });

  it('answers the same when asked twice with the same rows (the same rows drawn again)', () => {
    const first = assignSlots(new Map(), range(0, 20));
    const next = assignSlots(first, range(4, 24));
    expect(assignSlots(next, range(4, 24))).toEqual(next);
  });
});
