import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useImperativeHandle, useLayoutEffect, useRef, type MouseEvent, type RefObject } from 'react';
import type { RunSummary } from '../store/runSummary';
import type { RunColumn } from './runColumns';
import { RunsGridRow } from './RunsGridRow';
import { assignSlots, inKeyOrder } from './rowSlots';

export const rowHeight = 56;
export const headerHeight = 52;

/** What the grid asks of its body: bring a row into view (the keyboard's moves). */
export interface RunsGridBodyHandle {
  scrollToIndex: (index: number) => void;
}

export interface RunsGridBodyProps {
  handle: RefObject<RunsGridBodyHandle | null>;
  ids: readonly string[];
  rowOf: (id: string) => RunSummary | undefined;
  pending: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  activeIndex: number;
  template: string;
  columns: readonly RunColumn[];
  onRowClick: (e: MouseEvent<HTMLDivElement>, id: string) => void;
}

/**
 * The rows of the runs grid, virtualized: the one part of the grid a scroll draws again, every
 * frame. The grid around it (its selectors, columns, keyboard and header) renders only when what
 * it shows changes; when it rendered on every scroll frame too, its hooks alone were a sixth of
 * the JavaScript a scroll allocated, and what a scroll allocates decides how often a major GC
 * lands in one of its frames (docs/scale.md, footnote 4).
 */
export const RunsGridBody = memo(function RunsGridBody({ handle, ids, rowOf, pending, selected, activeIndex, template, columns, onRowClick }: RunsGridBodyProps) {
  // The grid element (the scroll container, and the element naming the active row) is this
  // rowgroup's parent. Read through the rowgroup's own ref: the grid's ref is attached only after
  // this component's layout effects have run (a parent's ref comes after its children's effects),
  // so on the first render it would still be null.
  const rowsRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => rowsRef.current?.parentElement ?? null,
    estimateSize: () => rowHeight,
    overscan: 6,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  useImperativeHandle(
    handle,
    () => ({
      scrollToIndex: (index) => {
        virtualizer.scrollToIndex(index, { align: 'auto' });
      },
    }),
    [virtualizer],
  );
  const items = virtualizer.getVirtualItems();
  // A row scrolled out is reused for the row scrolled in (rowSlots.ts): its text changes in place
  // instead of its elements being removed and made again, every frame of a scroll. The answer
  // depends only on the last one and the rows in view, so a render React repeats gets the same.
  const slotsRef = useRef(new Map<number, number>());
  const slots = assignSlots(slotsRef.current, items.map((v) => v.index));
  slotsRef.current = slots;

  // The grid names its active row only while that row is drawn (an id must name an element).
  // Set here, where the rows in view are known, on the grid element the grid renders: the grid
  // itself does not render on a scroll.
  const activeDrawn = items.some((v) => v.index === activeIndex);
  useLayoutEffect(() => {
    const grid = rowsRef.current?.parentElement;
    if (!grid) return;
    if (activeDrawn) grid.setAttribute('aria-activedescendant', `runs-row-${String(activeIndex)}`);
    else grid.removeAttribute('aria-activedescendant');
  }, [activeDrawn, activeIndex]);
  const anyDrawn = items.length > 0;
  useEffect(() => {
    // For `npm run bench`: when this page first showed rows (once per page load).
    if (anyDrawn && performance.getEntriesByName('lockstep:first-rows').length === 0) performance.mark('lockstep:first-rows');
  }, [anyDrawn]);

  return (
    // The rows stand in the DOM in key order (rowSlots.ts); aria-owns gives their reading order.
    // While the grid scrolls (the virtualizer's own flag, cleared 150 ms after the last scroll
    // event) the rows ignore the pointer (styles.css): rows sliding under a resting pointer made
    // the browser hit-test them and send mouseover and mouseout every frame, which React turned
    // into synthetic enter and leave events, a tenth of what a scroll allocated (docs/scale.md,
    // footnote 4). The grid, which scrolls, keeps the pointer.
    <div
      ref={rowsRef}
      role="rowgroup"
      className="grid-body"
      data-scrolling={virtualizer.isScrolling ? '' : undefined}
      style={{ height: virtualizer.getTotalSize() }}
      aria-owns={items.length > 0 ? items.map((v) => `runs-row-${String(v.index)}`).join(' ') : undefined}
    >
      {ids.length === 0 && (
        <div role="row" aria-rowindex={2} className="grid-row empty">
          <div role="gridcell">No runs match. Clear the search or filters to see more.</div>
        </div>
      )}
      {inKeyOrder(items, slots).map((v) => {
        const id = ids[v.index] ?? '';
        return (
          <RunsGridRow
            key={slots.get(v.index)}
            id={id}
            index={v.index}
            run={rowOf(id)}
            pending={pending.has(id)}
            selected={selected.has(id)}
            active={v.index === activeIndex}
            top={v.start - headerHeight}
            height={rowHeight}
            template={template}
            columns={columns}
            onRowClick={onRowClick}
          />
        );
      })}
    </div>
  );
});
