import type { VirtualItem } from '@tanstack/react-virtual';
import type { RunSummary } from '../store/runSummary';
import type { CellWriter, RunRow } from './runCells';
import type { RunColumn } from './runColumns';
import { assignSlots } from './rowSlots';
import type { Lookups } from './useLookups';

/** The id of the row element drawn for `index`: `aria-owns` and `aria-activedescendant` name it. */
const rowElementId = (index: number) => `runs-row-${String(index)}`;

/** Everything the rows show apart from which of them are in view. */
export interface RowsView {
  ids: readonly string[];
  rowOf: (id: string) => RunSummary | undefined;
  pending: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  activeIndex: number;
  template: string;
  columns: readonly RunColumn[];
  lookups: Lookups;
}

/** Where the rows stand: the virtualizer's answer for the current scroll position. */
export interface RowsLayout {
  items: readonly VirtualItem[];
  totalSize: number;
  /** Offset of the rows' container from the top of the scroll content (the header's height). */
  offset: number;
  scrolling: boolean;
}

/** A row element kept for reuse, and what it shows, so a draw writes only what changed. */
interface PooledRow {
  element: HTMLDivElement;
  writers: CellWriter[];
  /** Passed to the writers; changed in place, never rebuilt, so a draw allocates nothing for it. */
  shown: RunRow;
  index: number;
  top: number;
  active: boolean;
  columns: readonly RunColumn[] | null;
  lookups: Lookups | null;
  template: string;
}

/**
 * Draws the runs grid's rows into its rowgroup with the DOM alone, outside React. A scroll that
 * brings rows into view writes their runs into the row elements that left it (rowSlots.ts) and
 * changes nothing else: no element made, moved or dropped, and only the text that differs
 * written. Drawn by React instead, every frame of a scroll built the new rows' element
 * descriptions and fibers and compared their props, the garbage whose collections put frames
 * over 16 ms (docs/scale.md, footnote 4).
 *
 * The rows stand in the DOM in the order of their slots, so none ever moves among its siblings
 * (an element moved is styled, laid out and painted anew); the rowgroup's `aria-owns` gives the
 * order assistive technology reads them in.
 */
export class RowPainter {
  /** Row elements by slot; a slot not in use keeps its element, out of the DOM. */
  private readonly pool: PooledRow[] = [];
  private readonly byElement = new WeakMap<Element, PooledRow>();
  private slots = new Map<number, number>();
  private empty: HTMLDivElement | null = null;
  private ownsFirst = -1;
  private ownsLast = -1;
  private height = -1;
  private scrolling = false;
  private activeDrawn: number | null = null;
  private drewRows = false;

  constructor(
    private readonly body: HTMLDivElement,
    private readonly rowHeight: number,
  ) {}

  paint(view: RowsView, layout: RowsLayout): void {
    const { items } = layout;
    this.setHeight(layout.totalSize);
    this.setScrolling(layout.scrolling);
    this.showEmpty(view.ids.length === 0);

    const indexes = items.map((item) => item.index);
    const slots = assignSlots(this.slots, indexes);
    this.slots = slots;
    const used = new Set<number>();
    for (const item of items) {
      const slot = slots.get(item.index) ?? 0;
      used.add(slot);
      this.paintRow(this.rowAt(slot), item, view, layout);
    }
    for (let slot = 0; slot < this.pool.length; slot++) {
      const row = this.pool[slot];
      if (row && !used.has(slot) && row.element.isConnected) row.element.remove();
    }
    this.setOwns(items);
    this.setActive(items, view.activeIndex);
    if (items.length > 0 && !this.drewRows) {
      this.drewRows = true;
      // For `npm run bench`: when this page first showed rows (once per page load).
      if (performance.getEntriesByName('lockstep:first-rows').length === 0) performance.mark('lockstep:first-rows');
    }
  }

  /**
   * Puts each drawn checkbox back to what its row shows. A click turns a box at once, whatever
   * the selection then does (a Shift+click range, or no change at all), and a draw writes only
   * what changed since the last one. Called once the click's selection has been drawn.
   */
  syncChecks(): void {
    for (const row of this.pool) {
      if (!row.element.isConnected || !row.columns) continue;
      const select = row.columns.findIndex((column) => column.id === 'select');
      row.writers[select]?.(row.shown);
    }
  }

  /**
   * Takes every row this painter drew out of the rowgroup, for a painter made anew over the same
   * element (React's StrictMode runs a layout effect twice in development).
   */
  clear(): void {
    for (const row of this.pool) row.element.remove();
    this.empty?.remove();
    this.body.removeAttribute('aria-owns');
    this.body.removeAttribute('data-scrolling');
    this.body.parentElement?.removeAttribute('aria-activedescendant');
  }

  /** The run of the row an event happened in, if it happened in one. */
  runIdAt(target: EventTarget | null): string | null {
    if (!(target instanceof Element)) return null;
    const element = target.closest('.grid-row');
    const row = element ? this.byElement.get(element) : undefined;
    return row ? row.shown.id : null;
  }

  private rowAt(slot: number): PooledRow {
    let row = this.pool[slot];
    if (!row) {
      const element = document.createElement('div');
      element.setAttribute('role', 'row');
      element.style.height = `${String(this.rowHeight)}px`;
      row = { element, writers: [], shown: { id: '', run: undefined, pending: false, selected: false }, index: -1, top: Number.NaN, active: false, columns: null, lookups: null, template: '' };
      this.pool[slot] = row;
      this.byElement.set(element, row);
    }
    if (!row.element.isConnected) this.insertInSlotOrder(row.element, slot);
    return row;
  }

  /** Before the next slot's element in the DOM: the rows stay in slot order. */
  private insertInSlotOrder(element: HTMLDivElement, slot: number): void {
    for (let next = slot + 1; next < this.pool.length; next++) {
      const after = this.pool[next]?.element;
      if (after?.isConnected) {
        this.body.insertBefore(element, after);
        return;
      }
    }
    this.body.appendChild(element);
  }

  private paintRow(row: PooledRow, item: VirtualItem, view: RowsView, layout: RowsLayout): void {
    const { element, shown } = row;
    const id = view.ids[item.index] ?? '';
    const run = view.rowOf(id);
    const pending = view.pending.has(id);
    const selected = view.selected.has(id);
    const active = item.index === view.activeIndex;
    let write = false;
    if (row.columns !== view.columns || row.lookups !== view.lookups) {
      // The visible columns or the procedures and batches changed: the cells are made again.
      element.replaceChildren();
      row.writers = view.columns.map((column) => {
        const cell = document.createElement('div');
        cell.setAttribute('role', 'gridcell');
        cell.className = column.cellClass;
        element.appendChild(cell);
        return column.cell(cell, view.lookups);
      });
      row.columns = view.columns;
      row.lookups = view.lookups;
      write = true;
    }
    if (row.template !== view.template) {
      row.template = view.template;
      element.style.gridTemplateColumns = view.template;
    }
    if (row.index !== item.index) {
      row.index = item.index;
      element.id = rowElementId(item.index);
      element.setAttribute('aria-rowindex', String(item.index + 2));
    }
    const top = item.start - layout.offset;
    if (row.top !== top) {
      row.top = top;
      element.style.transform = `translateY(${String(top)}px)`;
    }
    if (write || shown.id !== id || shown.run !== run || shown.pending !== pending || shown.selected !== selected || row.active !== active) {
      if (write || shown.selected !== selected || row.active !== active) {
        element.className = `grid-row${selected ? ' selected' : ''}${active ? ' active' : ''}`;
        element.setAttribute('aria-selected', String(selected));
      }
      shown.id = id;
      shown.run = run;
      shown.pending = pending;
      shown.selected = selected;
      row.active = active;
      for (const writer of row.writers) writer(shown);
    }
  }

  private setHeight(height: number): void {
    if (height === this.height) return;
    this.height = height;
    this.body.style.height = `${String(height)}px`;
  }

  /**
   * While the grid scrolls (the virtualizer's own flag, cleared 150 ms after the last scroll
   * event) the rows ignore the pointer (styles.css): rows sliding under a resting pointer made the
   * browser hit-test them and send mouseover and mouseout every frame (docs/scale.md, footnote 4).
   * The grid, which scrolls, keeps the pointer.
   */
  private setScrolling(scrolling: boolean): void {
    if (scrolling === this.scrolling) return;
    this.scrolling = scrolling;
    this.body.toggleAttribute('data-scrolling', scrolling);
  }

  private showEmpty(show: boolean): void {
    if (!show) {
      this.empty?.remove();
      return;
    }
    if (!this.empty) {
      this.empty = document.createElement('div');
      this.empty.setAttribute('role', 'row');
      this.empty.setAttribute('aria-rowindex', '2');
      this.empty.className = 'grid-row empty';
      const cell = document.createElement('div');
      cell.setAttribute('role', 'gridcell');
      cell.textContent = 'No runs match. Clear the search or filters to see more.';
      this.empty.appendChild(cell);
    }
    if (!this.empty.isConnected) this.body.prepend(this.empty);
  }

  /** The rows' reading order, written only when the rows in view change. */
  private setOwns(items: readonly VirtualItem[]): void {
    const first = items[0]?.index ?? -1;
    const last = items[items.length - 1]?.index ?? -1;
    if (first === this.ownsFirst && last === this.ownsLast) return;
    this.ownsFirst = first;
    this.ownsLast = last;
    // The virtualizer's rows are consecutive: the first and the last say which they are.
    let owns = '';
    for (const item of items) owns += owns === '' ? rowElementId(item.index) : ` ${rowElementId(item.index)}`;
    if (owns === '') this.body.removeAttribute('aria-owns');
    else this.body.setAttribute('aria-owns', owns);
  }

  /** The grid names its active row only while that row is drawn (an id must name an element). */
  private setActive(items: readonly VirtualItem[], activeIndex: number): void {
    const drawn = items.some((item) => item.index === activeIndex) ? activeIndex : null;
    if (drawn === this.activeDrawn) return;
    this.activeDrawn = drawn;
    const grid = this.body.parentElement;
    if (!grid) return;
    if (drawn === null) grid.removeAttribute('aria-activedescendant');
    else grid.setAttribute('aria-activedescendant', rowElementId(drawn));
  }
}
