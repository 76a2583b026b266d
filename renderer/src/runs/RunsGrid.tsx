import { flexRender, getCoreRowModel, useReactTable, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { navigate } from '../routing/router';
import { selectHiddenColumns, selectRunQuery } from '../state/runsViewSlice';
import type { RunSortColumn } from '../store/runQuery';
import { useUi } from '../state/uiStore';
import { gridCommand } from './gridKeys';
import { runColumns, type RunRow } from './runColumns';
import { clickSelection, extendTo } from './selectionLogic';
import { useLookups } from './useLookups';
import { useRunWindow } from './useRunWindow';

const rowHeight = 56;
const headerHeight = 52;

/**
 * The runs grid: one tab stop, virtualized over the ordered ids, with only the visible rows read.
 * The grid element is both the scroll container and the focus target; the active row is named
 * by aria-activedescendant and always scrolled into view, so it is always rendered.
 */
export function RunsGrid({ ids, label }: { ids: readonly string[]; label: string }) {
  const lookups = useLookups();
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
  const indexOf = useMemo(() => new Map(ids.map((id, i) => [id, i])), [ids]);
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
  const windowIds = useMemo(() => items.map((v) => ids[v.index]).filter((id): id is string => id !== undefined), [items, ids]);
  const { rows, pending } = useRunWindow(windowIds);

  const onCheck = useCallback(
    (id: string, shift: boolean) => {
      const current = useUi.getState().selection;
      setSelection(clickSelection(current, ids, indexOf, id, { range: shift, toggle: true }));
      setActiveRun(id);
    },
    [ids, indexOf, setSelection, setActiveRun],
  );
  const columns = useMemo(() => runColumns(lookups, onCheck), [lookups, onCheck]);
  const data: RunRow[] = items.map((v) => {
    const id = ids[v.index] ?? '';
    return { id, index: v.index, run: rows.get(id), pending: pending.has(id), selected: selection.ids.has(id) };
  });
  const columnVisibility: VisibilityState = Object.fromEntries(hidden.map((c) => [c, false]));
  // The store sorts, filters and pages; the table only lays out columns. Its automatic resets would
  // set state on every new window of rows and render forever, so they are off.
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
    state: { columnVisibility },
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    autoResetAll: false,
  });
  const template = table
    .getVisibleLeafColumns()
    .map((c) => c.columnDef.meta?.width ?? '1fr')
    .join(' ');

  const activeIndex = activeRunId === null ? -1 : (indexOf.get(activeRunId) ?? -1);
  const activeRendered = items.some((v) => v.index === activeIndex);

  const moveTo = (index: number, extend: boolean) => {
    const id = ids[index];
    if (id === undefined) return;
    if (extend) setSelection(extendTo(selection, ids, indexOf, activeRunId ?? id, id));
    setActiveRun(id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const visible = Math.max(1, Math.floor(((gridRef.current?.clientHeight ?? rowHeight * 10) - headerHeight) / rowHeight));
    const command = gridCommand(e, activeIndex, ids.length, visible);
    if (!command) return;
    e.preventDefault();
    switch (command.kind) {
      case 'move':
        moveTo(command.to, command.extend);
        return;
      case 'toggle':
        if (activeRunId !== null && activeIndex >= 0) setSelection(clickSelection(selection, ids, indexOf, activeRunId, { range: command.range, toggle: true }));
        else moveTo(0, false);
        return;
      case 'open':
        if (activeRunId !== null && activeIndex >= 0) navigate({ name: 'run', runId: activeRunId });
        return;
      case 'selectAll':
        setSelection({ ids: new Set(ids), anchorId: ids[0] ?? null });
        return;
      case 'clear':
        clearSelection();
        return;
      default:
        command satisfies never;
    }
  };

  const onRowClick = (e: MouseEvent<HTMLDivElement>, id: string) => {
    if ((e.target as HTMLElement).closest('a, input')) return;
    setSelection(clickSelection(selection, ids, indexOf, id, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
    setActiveRun(id);
    gridRef.current?.focus({ preventScroll: true });
  };

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
      aria-rowcount={ids.length + 1}
      aria-colcount={table.getVisibleLeafColumns().length}
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
          {table.getHeaderGroups().flatMap((g) =>
            g.headers.map((h) => {
              const sort = h.column.columnDef.meta?.sort;
              const sorted = sort !== undefined && sort === query.sort;
              return (
                <div
                  key={h.id}
                  role="columnheader"
                  className={sort ? 'sortable' : undefined}
                  aria-sort={sorted ? (query.descending ? 'descending' : 'ascending') : undefined}
                  onClick={() => {
                    sortBy(sort);
                  }}
                >
                  {flexRender(h.column.columnDef.header, h.getContext())}
                  {sorted && <span aria-hidden="true">{query.descending ? ' ▼' : ' ▲'}</span>}
                </div>
              );
            }),
          )}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {ids.length === 0 && (
          <div role="row" aria-rowindex={2} className="grid-row empty">
            <div role="gridcell">No runs match. Clear the search or filters to see more.</div>
          </div>
        )}
        {table.getRowModel().rows.map((row) => {
          const { index, id, selected } = row.original;
          const start = items.find((v) => v.index === index)?.start ?? 0;
          return (
            <div
              key={id}
              id={`runs-row-${String(index)}`}
              role="row"
              aria-rowindex={index + 2}
              aria-selected={selected}
              className={`grid-row${selected ? ' selected' : ''}${index === activeIndex ? ' active' : ''}`}
              style={{ gridTemplateColumns: template, transform: `translateY(${String(start - headerHeight)}px)`, height: rowHeight }}
              onMouseDown={(e) => {
                // Shift+click selects runs, not text.
                if (e.shiftKey) e.preventDefault();
              }}
              onClick={(e) => {
                onRowClick(e, id);
              }}
              onDoubleClick={() => {
                navigate({ name: 'run', runId: id });
              }}
            >
              {row.getVisibleCells().map((cell) => (
                <div key={cell.id} role="gridcell" className={`cell cell-${cell.column.id}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
