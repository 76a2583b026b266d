import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { navigate } from '../routing/router';
import { selectHiddenColumns, selectRunQuery } from '../state/runsViewSlice';
import type { RunSortColumn } from '../store/runQuery';
import { useUi } from '../state/uiStore';
import { gridCommand } from './gridKeys';
import { runColumns } from './runColumns';
import { RunsGridRow } from './RunsGridRow';
import { clickSelection, extendTo } from './selectionLogic';
import { assignSlots, inKeyOrder } from './rowSlots';
import { useLookups } from './useLookups';
import { usePendingRuns, type RunList } from './useRunList';

const rowHeight = 56;
const headerHeight = 52;

/** The latest `fn`, behind a callback that never changes: memoised rows keep their props. */
function useStableCallback<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  const ref = useRef(fn);
  useEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => {
    ref.current(...args);
  }, []);
}

/**
 * The runs grid: one tab stop, virtualized over the ordered ids, each row drawn from the runs
 * index in memory. The grid element is both the scroll container and the focus target; the
 * active row is named by aria-activedescendant and always scrolled into view, so it is always
 * rendered.
 */
export function RunsGrid({ list, label }: { list: RunList; label: string }) {
  const { ids, complete } = list;
  const lookups = useLookups();
  const pending = usePendingRuns();
  const { selection, activeRunId, setSelection, setActiveRun, clearSelection } = useUi(
    useShallow((s) => ({
      selection: s.selection,
      activeRunId: s.activeRunId,
      setSelection: s.setSelection,
      setActiveRun: s.setActiveRun,
      clearSelection: s.clearSelection,
    })),
  );
  const hidden = useUi(selectHiddenColumns);
  const query = useUi(selectRunQuery);
  const setSort = useUi((s) => s.setSort);
  // Positions by id are needed only for ranges: built on the first Shift+click, not per search.
  const indexOf = useMemo(() => {
    let built: Map<string, number> | null = null;
    return () => (built ??= new Map(ids.map((id, i) => [id, i])));
  }, [ids]);
  const gridRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => gridRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  // A new sort, filter or search starts from the top of the list.
  useEffect(() => {
    gridRef.current?.scrollTo({ top: 0 });
  }, [query]);
  const items = virtualizer.getVirtualItems();
  // A row scrolled out is reused for the row scrolled in (rowSlots.ts): its text changes in place
  // instead of its elements being removed and made again, every frame of a scroll. The answer
  // depends only on the last one and the rows in view, so a render React repeats gets the same.
  const slotsRef = useRef(new Map<number, number>());
  const slots = assignSlots(slotsRef.current, items.map((v) => v.index));
  slotsRef.current = slots;
  useEffect(() => {
    // For `npm run bench`: when this page first showed rows (once per page load).
    if (items.length > 0 && performance.getEntriesByName('lockstep:first-rows').length === 0) performance.mark('lockstep:first-rows');
  });

  const onCheck = useStableCallback((id: string, shift: boolean) => {
    const current = useUi.getState().selection;
    setSelection(clickSelection(current, ids, indexOf(), id, { range: shift, toggle: true }));
    setActiveRun(id);
  });
  const columns = useMemo(() => runColumns(lookups, onCheck), [lookups, onCheck]);
  const visible = useMemo(() => columns.filter((c) => c.id === 'select' || !hidden.includes(c.id)), [columns, hidden]);
  const template = useMemo(() => visible.map((c) => c.width).join(' '), [visible]);

  const activeIndex = useMemo(() => (activeRunId === null ? -1 : ids.indexOf(activeRunId)), [ids, activeRunId]);
  const activeRendered = items.some((v) => v.index === activeIndex);

  const moveTo = (index: number, extend: boolean) => {
    const id = ids[index];
    if (id === undefined) return;
    if (extend) setSelection(extendTo(selection, ids, indexOf(), activeRunId ?? id, id));
    setActiveRun(id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const visibleRows = Math.max(1, Math.floor(((gridRef.current?.clientHeight ?? rowHeight * 10) - headerHeight) / rowHeight));
    const command = gridCommand(e, activeIndex, ids.length, visibleRows);
    if (!command) return;
    e.preventDefault();
    switch (command.kind) {
      case 'move':
        moveTo(command.to, command.extend);
        return;
      case 'toggle':
        if (activeRunId !== null && activeIndex >= 0) setSelection(clickSelection(selection, ids, indexOf(), activeRunId, { range: command.range, toggle: true }));
        else moveTo(0, false);
        return;
      case 'open':
        if (activeRunId !== null && activeIndex >= 0) navigate({ name: 'run', runId: activeRunId });
        return;
      case 'selectAll':
        // Until every matching id is read, "all" would be only the first rows.
        if (complete) setSelection({ ids: new Set(ids), anchorId: ids[0] ?? null });
        return;
      case 'clear':
        clearSelection();
        return;
      default:
        command satisfies never;
    }
  };

  const onRowClick = useStableCallback((e: MouseEvent<HTMLDivElement>, id: string) => {
    if ((e.target as HTMLElement).closest('a, input')) return;
    setSelection(clickSelection(useUi.getState().selection, ids, indexOf(), id, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
    setActiveRun(id);
    gridRef.current?.focus({ preventScroll: true });
  });

  const sortBy = (column: RunSortColumn | undefined) => {
    if (!column) return;
    setSort(column, column === query.sort ? !query.descending : column === 'updated');
  };

  return (
    <div
      ref={gridRef}
      className="runs-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={(list.total ?? ids.length) + 1}
      aria-colcount={visible.length}
      aria-multiselectable="true"
      aria-activedescendant={activeRendered ? `runs-row-${String(activeIndex)}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && activeIndex < 0 && ids[0] !== undefined) setActiveRun(ids[0]);
      }}
    >
      <div role="rowgroup" className="grid-head" style={{ height: headerHeight }}>
        <div role="row" aria-rowindex={1} className="grid-row head" style={{ gridTemplateColumns: template }}>
          {visible.map((c) => {
            const sorted = c.sort !== undefined && c.sort === query.sort;
            return (
              <div
                key={c.id}
                role="columnheader"
                className={c.sort ? 'sortable' : undefined}
                aria-sort={sorted ? (query.descending ? 'descending' : 'ascending') : undefined}
                onClick={() => {
                  sortBy(c.sort);
                }}
              >
                {c.header}
                {sorted && <span aria-hidden="true">{query.descending ? ' ▼' : ' ▲'}</span>}
              </div>
            );
          })}
        </div>
      </div>
      {/* The rows stand in the DOM in key order (rowSlots.ts); aria-owns gives their reading order. */}
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }} aria-owns={items.length > 0 ? items.map((v) => `runs-row-${String(v.index)}`).join(' ') : undefined}>
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
              run={list.rowOf(id)}
              pending={pending.has(id)}
              selected={selection.ids.has(id)}
              active={v.index === activeIndex}
              top={v.start - headerHeight}
              height={rowHeight}
              template={template}
              columns={visible}
              onRowClick={onRowClick}
            />
          );
        })}
      </div>
    </div>
  );
}
