/**
 * React keys for the rows a virtualized list draws, so that scrolling reuses rows instead of
 * making new ones. A row still in view keeps its key; a row that came into view takes the key of
 * one that left (the smallest free), so React updates that row's text in place. Keyed by index,
 * or by index modulo a pool larger than the rows in view, the keys slide with the scroll: every
 * frame of a scroll unmounted the rows that left and mounted as many new ones, and the garbage
 * (fibers, elements, checkbox inputs) set off collections that pushed frames over 16 ms.
 *
 * `previous` is the last call's answer; the answer maps each index in `indexes` to its key.
 */
export function assignSlots(previous: ReadonlyMap<number, number>, indexes: readonly number[]): Map<number, number> {
  const slots = new Map<number, number>();
  const used = new Set<number>();
  for (const index of indexes) {
    const slot = previous.get(index);
    if (slot !== undefined && !used.has(slot)) {
      slots.set(index, slot);
      used.add(slot);
    }
  }
  let next = 0;
  for (const index of indexes) {
    if (slots.has(index)) continue;
    while (used.has(next)) next++;
    slots.set(index, next);
    used.add(next);
  }
  return slots;
}

/**
 * The rows in the order of their keys: the order they take in the DOM. Drawn in the order of
 * their indexes, a reused row had to move among its siblings every frame (its key now belongs
 * to a row further down), and an element moved in the DOM loses its layout: it was styled, laid
 * out and painted anew, and its layout objects left as garbage, the cost the reuse was meant to
 * save. In key order no row ever moves. The rows stand where their transform puts them; the
 * order assistive technology reads them in is given apart from the DOM (RunsGridBody's aria-owns).
 */
export function inKeyOrder<T extends { index: number }>(rows: readonly T[], slots: ReadonlyMap<number, number>): T[] {
  return [...rows].sort((a, b) => (slots.get(a.index) ?? 0) - (slots.get(b.index) ?? 0));
}
