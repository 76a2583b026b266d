/** What a key pressed on the runs grid asks for. */
export type GridCommand =
  | { kind: 'move'; to: number; extend: boolean }
  | { kind: 'toggle'; range: boolean }
  | { kind: 'open' }
  | { kind: 'selectAll' }
  | { kind: 'clear' };

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * The grid's keys: arrows, Home/End, Page Up/Down move; Shift with them extends the selection;
 * Space selects; Enter opens; Ctrl+A selects every matching run; Escape clears. Null for keys the
 * grid leaves alone (Tab leaves the grid: it is one tab stop).
 */
export function gridCommand(e: KeyLike, active: number, count: number, pageSize: number): GridCommand | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (n: number) => Math.max(0, Math.min(last, n));
  const move = (to: number): GridCommand => ({ kind: 'move', to: clamp(to), extend: e.shiftKey });
  const here = active < 0 ? 0 : active;
  switch (e.key) {
    case 'ArrowDown':
      return move(active < 0 ? 0 : here + 1);
    case 'ArrowUp':
      return move(active < 0 ? 0 : here - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(last);
    case 'PageDown':
      return move(here + Math.max(1, pageSize - 1));
    case 'PageUp':
      return move(here - Math.max(1, pageSize - 1));
    case ' ':
    case 'Spacebar':
      return { kind: 'toggle', range: e.shiftKey };
    case 'Enter':
      return { kind: 'open' };
    case 'Escape':
      return { kind: 'clear' };
    case 'a':
    case 'A':
      return e.ctrlKey || e.metaKey ? { kind: 'selectAll' } : null;
    default:
      return null;
  }
}
