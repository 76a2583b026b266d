import type { ReactNode } from 'react';
import type { RunColumnId } from '../state/runsViewSlice';
import type { RunSortColumn } from '../store/runQuery';
import { cellMakers, type CellMaker } from './runCells';

/**
 * A column of the runs grid: laid out with CSS grid (`width` is its track), sorted in the store
 * (`sort`), its cells made and written by `cell` (runCells.ts), so a row can be drawn again on its own.
 */
export interface RunColumn {
  id: 'select' | RunColumnId;
  header: ReactNode;
  width: string;
  sort?: RunSortColumn;
  cell: CellMaker;
  /** The class of its cells. */
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

const columnList: Omit<RunColumn, 'cellClass' | 'cell'>[] = [
  { id: 'select', header: <span className="visually-hidden">Select</span>, width: '60px' },
  { id: 'id', header: columnTitles.id, width: '120px', sort: 'id' },
  { id: 'title', header: columnTitles.title, width: 'minmax(160px, 2fr)', sort: 'title' },
  { id: 'procedure', header: columnTitles.procedure, width: 'minmax(140px, 1.2fr)', sort: 'procedure' },
  { id: 'unit', header: columnTitles.unit, width: '170px', sort: 'unit' },
  { id: 'status', header: columnTitles.status, width: '175px', sort: 'status' },
  { id: 'progress', header: columnTitles.progress, width: '120px' },
  { id: 'batch', header: columnTitles.batch, width: 'minmax(140px, 1.3fr)', sort: 'batch' },
  { id: 'updated', header: columnTitles.updated, width: '150px', sort: 'updated' },
];

/** The runs table's columns; the checkbox column first and always shown. */
export const runColumns: readonly RunColumn[] = columnList.map((column) => ({ ...column, cell: cellMakers[column.id], cellClass: `cell cell-${column.id}` }));
