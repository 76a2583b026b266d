import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { navigate } from '../routing/router';
import { IdSlots } from '../store/idSlots';
import { selectHiddenColumns, selectRunQuery } from '../state/runsViewSlice';
import type { RunSortColumn } from '../store/runQuery';
import { useUi } from '../state/uiStore';
import { gridCommand } from './gridKeys';
import { runColumns } from './runColumns';
import { RunsGridBody, type RunsGridBodyHandle } from './RunsGridBody';
import { clickSelection, extendTo } from './selectionLogic';
import { useLookups } from './useLookups';
import { usePendingRuns, type RunList } from './useRunList';
import { headerHeight, rowHeight } from './virtualRows';

/** The latest `fn`, behind a callback that never changes: the memoised body keeps its props. */
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
  // One selector each, not one object compared field by field: each shallow comparison built
  // arrays of the object's entries (it ran on every frame of a scroll while the grid drew the rows).
  const selection = useUi((s) => s.selection);
  const activeRunId = useUi((s) => s.activeRunId);
  const setSelection = useUi((s) => s.setSelection);
  const setActiveRun = useUi((s) => s.setActiveRun);
  const clearSelection = useUi((s) => s.clearSelection);
  const hidden = useUi(selectHiddenColumns);
  const query = useUi(selectRunQuery);
  const setSort = useUi((s) => s.setSort);
  // Positions by id are needed only for ranges: built on the first Shift+click, not per search;
  // not a Map, whose 100,000 keys would stay in V8's string table (store/idSlots.ts).
  const indexOf = useMemo(() => {
    let built: IdSlots | null = null;
    return () => {
      if (built) return built;
      built = new IdSlots(ids.length);
      for (const [i, id] of ids.entries()) built.set(id, i);
      return built;
    };
  }, [ids]);
  const gridRef = useRef<HTMLDivElement>(null);

  const body = useRef<RunsGridBodyHandle>(null);
  // A new sort, filter or search starts from the top of the list.
  useEffect(() => {
    gridRef.current?.scrollTo({ top: 0 });
  }, [query]);

  const onCheck = useStableCallback((id: string, shift: boolean) => {
    const current = useUi.getState().selection;
    setSelection(clickSelection(current, ids, indexOf(), id, { range: shift, toggle: true }));
    setActiveRun(id);
  });
  const visible = useMemo(() => runColumns.filter((c) => c.id === 'select' || !hidden.includes(c.id)), [hidden]);
  const template = useMemo(() => visible.map((c) => c.width).join(' '), [visible]);

  const activeIndex = useMemo(() => (activeRunId === null ? -1 : ids.indexOf(activeRunId)), [ids, activeRunId]);

  const moveTo = (index: number, extend: boolean) => {
    const id = ids[index];
    if (id === undefined) return;
    if (extend) setSelection(extendTo(selection, ids, indexOf(), activeRunId ?? id, id));
    setActiveRun(id);
    body.current?.scrollToIndex(index);
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
      // aria-activedescendant: set by the body, which knows whether the active row is drawn.
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
      <RunsGridBody
        handle={body}
        ids={ids}
        rowOf={list.rowOf}
        pending={pending}
        selected={selection.ids}
        activeIndex={activeIndex}
        template={template}
        columns={visible}
        lookups={lookups}
        onRowClick={onRowClick}
        onCheck={onCheck}
      />
    </div>
  );
}
