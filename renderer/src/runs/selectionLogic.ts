import type { RunSelection } from '../state/selectionSlice';

export interface ClickModifiers {
  /** Shift: a range from the anchor. */
  range: boolean;
  /** Ctrl/Cmd, or the checkbox: add or remove one run, keeping the others. */
  toggle: boolean;
}

/** Where each id stands in the list: a Map, or the grid's table that keeps ids out of V8's string table (store/idSlots.ts). */
export interface PositionOf {
  get(id: string): number | undefined;
}

function rangeOf(ordered: readonly string[], indexOf: PositionOf, from: string, to: string): string[] | null {
  const a = indexOf.get(from);
  const b = indexOf.get(to);
  if (a === undefined || b === undefined) return null;
  return ordered.slice(Math.min(a, b), Math.max(a, b) + 1);
}

/**
 * The selection after a click on a run, as in any desktop list: a plain click selects that run
 * alone; Ctrl+click (or its checkbox) toggles it; Shift+click selects the range from the anchor,
 * added to the selection when Ctrl is held or the checkbox was clicked.
 */
export function clickSelection(current: RunSelection, ordered: readonly string[], indexOf: PositionOf, id: string, mods: ClickModifiers): RunSelection {
  if (mods.range && current.anchorId !== null) {
    const range = rangeOf(ordered, indexOf, current.anchorId, id);
    if (range) return { ids: mods.toggle ? new Set([...current.ids, ...range]) : new Set(range), anchorId: current.anchorId };
  }
  if (mods.toggle) {
    const ids = new Set(current.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchorId: id };
  }
  return { ids: new Set([id]), anchorId: id };
}

/** Shift+arrow: the range from the anchor (or where the keyboard was) to the run now active. */
export function extendTo(current: RunSelection, ordered: readonly string[], indexOf: PositionOf, from: string, to: string): RunSelection {
  const anchor = current.anchorId ?? from;
  const range = rangeOf(ordered, indexOf, anchor, to) ?? [to];
  return { ids: new Set(range), anchorId: anchor };
}
