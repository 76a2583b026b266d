import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { batchLabel } from '../../../shared/schemas/batch';
import type { Run } from '../../../shared/schemas/run';
import { hrefOf } from '../routing/router';
import type { RunColumnId } from '../state/runsViewSlice';
import type { RunSortColumn } from '../store/runQuery';
import { formatShort } from '../ui/format';
import { StatusChip } from '../ui/StatusChip';
import { procedureLabel, type Lookups } from './useLookups';

/** One row of the window: the run when its read has come back, and whether it waits to sync. */
export interface RunRow {
  id: string;
  index: number;
  run: Run | undefined;
  pending: boolean;
  selected: boolean;
}

declare module '@tanstack/react-table' {
  // The runs grid lays its columns out with CSS grid and sorts in the store, by these.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    width: string;
    sort?: RunSortColumn;
  }
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

const col = createColumnHelper<RunRow>();

/** The runs table's columns; the checkbox column first and always shown. */
export function runColumns(lookups: Lookups, onCheck: (id: string, shift: boolean) => void): ColumnDef<RunRow>[] {
  const loading = <span className="muted">…</span>;
  return [
    col.display({
      id: 'select',
      header: () => <span className="visually-hidden">Select</span>,
      cell: ({ row }) => (
        // The whole cell is the target (56 px square, for gloves); the box inside only shows the state.
        <span
          className="check-hit"
          onClick={(e) => {
            // The checkbox adds to the selection (Shift: a range); it never opens the run.
            e.stopPropagation();
            onCheck(row.original.id, e.shiftKey);
          }}
        >
          <input
            type="checkbox"
            className="row-check"
            tabIndex={-1}
            checked={row.original.selected}
            aria-label={`Select ${row.original.id}`}
            onChange={() => undefined}
          />
        </span>
      ),
      meta: { width: '60px' },
    }),
    col.display({
      id: 'id',
      header: columnTitles.id,
      cell: ({ row }) => (
        <span className="run-id-cell">
          <a href={hrefOf({ name: 'run', runId: row.original.id })} tabIndex={-1} className="run-link">
            {row.original.id}
          </a>
          {row.original.pending && (
            <span className="pending-mark" role="img" aria-label="Saved on this station, not yet synced" title="Saved on this station, not yet synced">
              ⟳
            </span>
          )}
        </span>
      ),
      meta: { width: '120px', sort: 'id' },
    }),
    col.display({
      id: 'title',
      header: columnTitles.title,
      cell: ({ row }) => <span className="ellipsis">{row.original.run?.title ?? loading}</span>,
      meta: { width: 'minmax(160px, 2fr)', sort: 'title' },
    }),
    col.display({
      id: 'procedure',
      header: columnTitles.procedure,
      cell: ({ row }) => {
        const p = row.original.run ? lookups.procedures.get(row.original.run.procedureVersionId) : undefined;
        return <span className="ellipsis">{p ? procedureLabel(p) : (row.original.run?.procedureVersionId ?? loading)}</span>;
      },
      meta: { width: 'minmax(140px, 1.2fr)', sort: 'procedure' },
    }),
    col.display({
      id: 'unit',
      header: columnTitles.unit,
      cell: ({ row }) => <span className="mono ellipsis">{row.original.run?.unitSerial ?? loading}</span>,
      meta: { width: '170px', sort: 'unit' },
    }),
    col.display({
      id: 'status',
      header: columnTitles.status,
      cell: ({ row }) => (row.original.run ? <StatusChip status={row.original.run.status} /> : loading),
      meta: { width: '175px', sort: 'status' },
    }),
    col.display({
      id: 'progress',
      header: columnTitles.progress,
      cell: ({ row }) => (row.original.run ? <Progress run={row.original.run} /> : loading),
      meta: { width: '120px' },
    }),
    col.display({
      id: 'batch',
      header: columnTitles.batch,
      cell: ({ row }) => {
        const run = row.original.run;
        if (!run) return loading;
        if (run.batchId === null) return <span className="muted">—</span>;
        const batch = lookups.batches.get(run.batchId);
        return <span className="batch-tag ellipsis">{batch ? batchLabel(batch) : `Batch ${run.batchId}`}</span>;
      },
      meta: { width: 'minmax(140px, 1.3fr)', sort: 'batch' },
    }),
    col.display({
      id: 'updated',
      header: columnTitles.updated,
      cell: ({ row }) => (row.original.run ? <span className="nowrap">{formatShort(row.original.run.updatedAt)}</span> : loading),
      meta: { width: '150px', sort: 'updated' },
    }),
  ];
}

function Progress({ run }: { run: Run }) {
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
