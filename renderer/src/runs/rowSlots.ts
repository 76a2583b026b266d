/**
 * Slots for the rows a virtualized list draws: which row element shows which index, so that
 * scrolling reuses rows instead of making new ones (rowPainter.ts). A row still in view keeps its
 * slot; a row that came into view takes the slot of one that left (the smallest free), and its
 * text is written in place. Slots by index, or by index modulo a pool larger than the rows in
 * view, slide with the scroll: every frame of a scroll dropped the rows that left and made as
 * many new ones, and the garbage set off collections that pushed frames over 16 ms.
 *
 * `previous` is the last call's answer; the answer maps each index in `indexes` to its slot.
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

