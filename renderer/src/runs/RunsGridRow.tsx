import { memo, type MouseEvent } from 'react';
import { navigate } from '../routing/router';
import type { RunSummary } from '../store/runSummary';
import type { RunColumn } from './runColumns';

export interface RunsGridRowProps {
  id: string;
  index: number;
  run: RunSummary | undefined;
  pending: boolean;
  selected: boolean;
  active: boolean;
  /** Offset from the top of the grid body, px. */
  top: number;
  height: number;
  template: string;
  columns: readonly RunColumn[];
  onRowClick: (e: MouseEvent<HTMLDivElement>, id: string) => void;
}

/**
 * One row of the runs grid. Memoised on plain values (the run's summary is replaced, never
 * changed, when the run changes): while the grid scrolls, only rows coming into view are drawn.
 */
export const RunsGridRow = memo(function RunsGridRow({ id, index, run, pending, selected, active, top, height, template, columns, onRowClick }: RunsGridRowProps) {
  const row = { id, run, pending, selected };
  return (
    <div
      id={`runs-row-${String(index)}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`grid-row${selected ? ' selected' : ''}${active ? ' active' : ''}`}
      style={{ gridTemplateColumns: template, transform: `translateY(${String(top)}px)`, height }}
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
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className={column.cellClass}>
          {column.cell(row)}
        </div>
      ))}
    </div>
  );
}, sameRow);

/** Every prop, named once: the type check below fails if a prop is added and not listed. */
const rowProps = ['id', 'index', 'run', 'pending', 'selected', 'active', 'top', 'height', 'template', 'columns', 'onRowClick'] as const;
const everyPropListed: Exclude<keyof RunsGridRowProps, (typeof rowProps)[number]> extends never ? true : never = true;

/**
 * React's default comparison lists both props objects' keys: two arrays for each of the forty
 * rows every scroll frame draws again, garbage that brought the next collection sooner.
 */
function sameRow(a: RunsGridRowProps, b: RunsGridRowProps): boolean {
  // An index loop: for…of over the list built an iterator per call until the code was optimized.
  for (let i = 0; i < rowProps.length; i++) {
    const prop = rowProps[i] as (typeof rowProps)[number];
    if (a[prop] !== b[prop]) return false;
  }
  return everyPropListed;
}
