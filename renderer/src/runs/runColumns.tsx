import type { ReactNode } from 'react';
import { batchLabel } from '../../../shared/schemas/batch';
import { hrefOf } from '../routing/router';
import type { RunColumnId } from '../state/runsViewSlice';
import type { RunSortColumn } from '../store/runQuery';
import type { RunSummary } from '../store/runSummary';
import { formatShort } from '../ui/format';
import { StatusChip } from '../ui/StatusChip';
import { procedureLabel, type Lookups } from './useLookups';

/** One row on screen: the run's summary (absent only if it vanished meanwhile), and its marks. */
export interface RunRow {
  id: string;
  run: RunSummary | undefined;
  pending: boolean;
  selected: boolean;
}

/**
 * A column of the runs grid: laid out with CSS grid (`width` is its track), sorted in the store
 * (`sort`), drawn cell by cell from the row alone, so a row can be drawn again on its own.
 */
export interface RunColumn {
  id: 'select' | RunColumnId;
  header: ReactNode;
  width: string;
  sort?: RunSortColumn;
  cell: (row: RunRow) => ReactNode;
  /** The class of its cells, made once (a row drawn in a scroll frame would build it per cell). */
  cellClass: string;
}

export const columnTitles: Record<RunColumnId, string> = {
  id: 'Run ID',
  title: 'Title',
  procedure: 'Procedure',
  unit: 'Unit serial',
  status: 'Status',
  progress: 'Progress',
  batch: 'Batch',
  updated: 'Updated',
};

const missing = <span className="muted">…</span>;

/** The runs table's columns; the checkbox column first and always shown. */
export function runColumns(lookups: Lookups, onCheck: (id: string, shift: boolean) => void): RunColumn[] {
  const columns: Omit<RunColumn, 'cellClass'>[] = [
    {
      id: 'select',
      header: <span className="visually-hidden">Select</span>,
      width: '60px',
      cell: (row) => (
        // The whole cell is the target (56 px square, for gloves); the box inside only shows the state.
        <span
          className="check-hit"
          onClick={(e) => {
            // The checkbox adds to the selection (Shift: a range); it never opens the run.
            e.stopPropagation();
            onCheck(row.id, e.shiftKey);
          }}
        >
          <input type="checkbox" className="row-check" tabIndex={-1} checked={row.selected} aria-label={`Select ${row.id}`} onChange={() => undefined} />
        </span>
      ),
    },
    {
      id: 'id',
      header: columnTitles.id,
      width: '120px',
      sort: 'id',
      cell: (row) => (
        <span className="run-id-cell">
          <a href={hrefOf({ name: 'run', runId: row.id })} tabIndex={-1} className="run-link">
            {row.id}
          </a>
          {row.pending && (
            <span className="pending-mark" role="img" aria-label="Saved on this station, not yet synced" title="Saved on this station, not yet synced">
              ⟳
            </span>
          )}
        </span>
      ),
    },
    {
      id: 'title',
      header: columnTitles.title,
      width: 'minmax(160px, 2fr)',
      sort: 'title',
      cell: (row) => <span className="ellipsis">{row.run?.title ?? missing}</span>,
    },
    {
      id: 'procedure',
      header: columnTitles.procedure,
      width: 'minmax(140px, 1.2fr)',
      sort: 'procedure',
      cell: (row) => {
        const p = row.run ? lookups.procedures.get(row.run.procedureVersionId) : undefined;
        return <span className="ellipsis">{p ? procedureLabel(p) : (row.run?.procedureVersionId ?? missing)}</span>;
      },
    },
    {
      id: 'unit',
      header: columnTitles.unit,
      width: '170px',
      sort: 'unit',
      cell: (row) => <span className="mono ellipsis">{row.run?.unitSerial ?? missing}</span>,
    },
    {
      id: 'status',
      header: columnTitles.status,
      width: '175px',
      sort: 'status',
      cell: (row) => (row.run ? <StatusChip status={row.run.status} /> : missing),
    },
    {
      id: 'progress',
      header: columnTitles.progress,
      width: '120px',
      cell: (row) => (row.run ? <Progress run={row.run} /> : missing),
    },
    {
      id: 'batch',
      header: columnTitles.batch,
      width: 'minmax(140px, 1.3fr)',
      sort: 'batch',
      cell: (row) => {
        const run = row.run;
        if (!run) return missing;
        if (run.batchId === null) return <span className="muted">—</span>;
        const batch = lookups.batches.get(run.batchId);
        return <span className="batch-tag ellipsis">{batch ? batchLabel(batch) : `Batch ${run.batchId}`}</span>;
      },
    },
    {
      id: 'updated',
      header: columnTitles.updated,
      width: '150px',
      sort: 'updated',
      cell: (row) => (row.run ? <span className="nowrap">{formatShort(row.run.updatedAt)}</span> : missing),
    },
  ];
  return columns.map((column) => ({ ...column, cellClass: `cell cell-${column.id}` }));
}

function Progress({ run }: { run: RunSummary }) {
  const pct = run.stepsTotal === 0 ? 0 : Math.round((run.stepsDone / run.stepsTotal) * 100);
  return (
    <span className="progress-cell">
      <span className="bar" aria-hidden="true">
        <span style={{ width: `${String(pct)}%` }} />
      </span>
      <span>
        {run.stepsDone}/{run.stepsTotal}
      </span>
    </span>
  );
}
