import { describe, expect, it } from 'vitest';
import { gridCommand } from '../../renderer/src/runs/gridKeys';
import { clickSelection, extendTo } from '../../renderer/src/runs/selectionLogic';

const ids = ['R-1', 'R-2', 'R-3', 'R-4', 'R-5'];
const indexOf = new Map(ids.map((id, i) => [id, i]));
const none = { ids: new Set<string>(), anchorId: null };
const sorted = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('selecting runs with the mouse', () => {
  it('selects one run with a plain click, replacing the selection', () => {
    const first = clickSelection(none, ids, indexOf, 'R-2', { range: false, toggle: false });
    const second = clickSelection(first, ids, indexOf, 'R-4', { range: false, toggle: false });
    expect(sorted(second)).toEqual(['R-4']);
    expect(second.anchorId).toBe('R-4');
  });

  it('toggles one run with Ctrl+click or its checkbox, keeping the others', () => {
    let s = clickSelection(none, ids, indexOf, 'R-2', { range: false, toggle: true });
    s = clickSelection(s, ids, indexOf, 'R-4', { range: false, toggle: true });
    expect(sorted(s)).toEqual(['R-2', 'R-4']);
    s = clickSelection(s, ids, indexOf, 'R-2', { range: false, toggle: true });
    expect(sorted(s)).toEqual(['R-4']);
  });

  it('selects the range from the anchor with Shift+click, either way round, adding to it with Ctrl', () => {
    const anchored = clickSelection(none, ids, indexOf, 'R-4', { range: false, toggle: false });
    expect(sorted(clickSelection(anchored, ids, indexOf, 'R-2', { range: true, toggle: false }))).toEqual(['R-2', 'R-3', 'R-4']);
    const withOne = clickSelection(anchored, ids, indexOf, 'R-1', { range: false, toggle: true });
    const added = clickSelection({ ...withOne, anchorId: 'R-4' }, ids, indexOf, 'R-5', { range: true, toggle: true });
    expect(sorted(added)).toEqual(['R-1', 'R-4', 'R-5']);
  });

  it('treats Shift+click without an anchor, or with an anchor filtered away, as a plain click', () => {
    expect(sorted(clickSelection(none, ids, indexOf, 'R-3', { range: true, toggle: false }))).toEqual(['R-3']);
    const gone = { ids: new Set(['R-9']), anchorId: 'R-9' };
    expect(sorted(clickSelection(gone, ids, indexOf, 'R-3', { range: true, toggle: false }))).toEqual(['R-3']);
  });

  it('extends with Shift+arrow from the anchor to the active run', () => {
    const s = extendTo({ ids: new Set(['R-2']), anchorId: 'R-2' }, ids, indexOf, 'R-3', 'R-4');
    expect(sorted(s)).toEqual(['R-2', 'R-3', 'R-4']);
    expect(sorted(extendTo(none, ids, indexOf, 'R-3', 'R-2'))).toEqual(['R-2', 'R-3']);
  });
});

describe('the runs grid keys', () => {
  const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, ...mods });

  it('moves with arrows, Home, End and Page keys, within the list', () => {
    expect(gridCommand(key('ArrowDown'), -1, 100, 10)).toEqual({ kind: 'move', to: 0, extend: false });
    expect(gridCommand(key('ArrowDown'), 5, 100, 10)).toEqual({ kind: 'move', to: 6, extend: false });
    expect(gridCommand(key('ArrowUp'), 0, 100, 10)).toEqual({ kind: 'move', to: 0, extend: false });
    expect(gridCommand(key('End'), 5, 100, 10)).toEqual({ kind: 'move', to: 99, extend: false });
    expect(gridCommand(key('Home'), 50, 100, 10)).toEqual({ kind: 'move', to: 0, extend: false });
    expect(gridCommand(key('PageDown'), 95, 100, 10)).toEqual({ kind: 'move', to: 99, extend: false });
    expect(gridCommand(key('PageUp'), 50, 100, 10)).toEqual({ kind: 'move', to: 41, extend: false });
    expect(gridCommand(key('ArrowDown', { shiftKey: true }), 5, 100, 10)).toEqual({ kind: 'move', to: 6, extend: true });
  });

  it('selects with Space, opens with Enter, selects all with Ctrl+A, clears with Escape, and leaves Tab alone', () => {
    expect(gridCommand(key(' '), 3, 10, 5)).toEqual({ kind: 'toggle', range: false });
    expect(gridCommand(key('Enter'), 3, 10, 5)).toEqual({ kind: 'open' });
    expect(gridCommand(key('a', { ctrlKey: true }), 3, 10, 5)).toEqual({ kind: 'selectAll' });
    expect(gridCommand(key('a'), 3, 10, 5)).toBeNull();
    expect(gridCommand(key('Escape'), 3, 10, 5)).toEqual({ kind: 'clear' });
    expect(gridCommand(key('Tab'), 3, 10, 5)).toBeNull();
    expect(gridCommand(key('ArrowDown'), -1, 0, 5)).toBeNull();
  });
});
