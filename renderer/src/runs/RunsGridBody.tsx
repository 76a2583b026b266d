import { memo, useImperativeHandle, useLayoutEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { navigate } from '../routing/router';
import type { RowsView } from './rowPainter';
import { VirtualRows } from './virtualRows';

/** What the grid asks of its body: bring a row into view (the keyboard's moves). */
export interface RunsGridBodyHandle {
  scrollToIndex: (index: number) => void;
}

/** What the rows show (rowPainter.ts), and what the grid does with their clicks. */
export interface RunsGridBodyProps extends RowsView {
  handle: RefObject<RunsGridBodyHandle | null>;
  onRowClick: (e: MouseEvent<HTMLDivElement>, id: string) => void;
  onCheck: (id: string, shift: boolean) => void;
}

/**
 * The rows of the runs grid. React renders this rowgroup and answers its events; the rows inside
 * are drawn by `VirtualRows` (virtualRows.ts, rowPainter.ts), which a scroll runs without React.
 * Events are handled here for every row at once, each finding its run from the row it happened in.
 */
export const RunsGridBody = memo(function RunsGridBody({ handle, ids, rowOf, pending, selected, activeIndex, template, columns, lookups, onRowClick, onCheck }: RunsGridBodyProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const rows = useRef<VirtualRows | null>(null);
  useLayoutEffect(() => {
    if (!bodyRef.current) return;
    const made = new VirtualRows(bodyRef.current);
    rows.current = made;
    return () => {
      made.dispose();
      rows.current = null;
    };
  }, []);
  useLayoutEffect(() => {
    rows.current?.show({ ids, rowOf, pending, selected, activeIndex, template, columns, lookups });
  }, [ids, rowOf, pending, selected, activeIndex, template, columns, lookups]);
  useImperativeHandle(
    handle,
    () => ({
      scrollToIndex: (index) => {
        rows.current?.scrollToIndex(index);
      },
    }),
    [],
  );

  return (
    <div
      ref={bodyRef}
      role="rowgroup"
      className="grid-body"
      onMouseDown={(e) => {
        // Shift+click selects runs, not text.
        if (e.shiftKey && rows.current?.runIdAt(e.target)) e.preventDefault();
      }}
      onClick={(e) => {
        const id = rows.current?.runIdAt(e.target);
        if (!id) return;
        if ((e.target as Element).closest('.check-hit')) {
          // The checkbox adds to the selection (Shift: a range); it never opens the run.
          onCheck(id, e.shiftKey);
          // The click turned the box already; once the selection is drawn, the box shows it.
          queueMicrotask(() => rows.current?.syncChecks());
          return;
        }
        onRowClick(e, id);
      }}
      onDoubleClick={(e) => {
        const id = rows.current?.runIdAt(e.target);
        // A double tap on the checkbox is two selections, not an order to open the run.
        if (id && !(e.target as Element).closest('.check-hit')) navigate({ name: 'run', runId: id });
      }}
    />
  );
});
