import type { RunStatus } from '../../../shared/schemas/run';

export type RunSortColumn = 'id' | 'title' | 'procedure' | 'unit' | 'status' | 'batch' | 'updated';

/** 'any', 'none' (in no batch), 'batched' (in any batch) or `batch:{id}`. */
export type BatchFilter = 'any' | 'none' | 'batched' | `batch:${string}`;

/** What the runs table shows: answered by the runs index in memory (store/runIndex.ts). */
export interface RunQuery {
  sort: RunSortColumn;
  descending: boolean;
  statuses: readonly RunStatus[];
  procedureVersionIds: readonly string[];
  batch: BatchFilter;
  search: string;
}

/** The order "Status" sorts in: what needs attention first. */
export const statusOrder: readonly RunStatus[] = ['failed', 'redline', 'hold', 'in_progress', 'todo', 'partially_complete', 'complete', 'skipped'];
