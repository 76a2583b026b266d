import type { Batch } from '../../../shared/schemas/batch';
import type { AttentionKind } from './attentionKinds';
import type { BatchMatrix } from './batchMatrix';
import { countByKind } from './batchMatrix';

export interface BatchSummary {
  batch: Batch;
  runs: number;
  done: number;
  total: number;
  /** Runs with at least one cell that needs attention. */
  needing: number;
  byKind: Record<AttentionKind, number>;
}

export function summarize(batch: Batch, matrix: BatchMatrix): BatchSummary {
  return {
    batch,
    runs: matrix.rows.length,
    done: matrix.done,
    total: matrix.total,
    needing: matrix.rows.filter((r) => r.attention.size > 0).length,
    byKind: countByKind(matrix.rows),
  };
}

/** Those that need someone first (most runs needing attention), then unfinished ones, then the latest. */
export function orderBatches(summaries: readonly BatchSummary[]): BatchSummary[] {
  return [...summaries].sort(
    (a, b) =>
      b.needing - a.needing ||
      Number(a.done >= a.total) - Number(b.done >= b.total) ||
      b.batch.updatedAt.localeCompare(a.batch.updatedAt) ||
      a.batch.id.localeCompare(b.batch.id),
  );
}
