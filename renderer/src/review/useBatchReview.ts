import { useLiveQuery } from 'dexie-react-hooks';
import type { Batch } from '../../../shared/schemas/batch';
import type { Exclusion } from '../../../shared/schemas/outcome';
import type { Run, RunStep } from '../../../shared/schemas/run';
import { useStation } from '../boot/StationContext';
import type { StationDb } from '../store/db';
import { runsWithSteps } from '../store/runSteps';
import { buildMatrix, type BatchMatrix } from './batchMatrix';
import { leftOutCells } from './leftOut';
import { reviewReasons } from './reviewReasons';

export interface BatchReview {
  batch: Batch;
  runs: Run[];
  steps: RunStep[];
  matrix: BatchMatrix;
}

/** One batch's matrix, read live from the station's cache: any change to its runs re-renders it. */
export function useBatchReview(batchId: string): BatchReview | null | undefined {
  const { db } = useStation();
  return useLiveQuery(() => readBatchReview(db, batchId), [db, batchId]);
}

export async function readBatchReview(db: StationDb, batchId: string): Promise<BatchReview | null> {
  const batch = await db.batches.get(batchId);
  if (!batch) return null;
  const ids = batch.memberRunIds;
  const [{ runs, steps: perRun }, audit, outcomes, reviews] = await Promise.all([
    runsWithSteps(db, ids),
    db.audit.where('runId').anyOf(ids).toArray(),
    // Few per station (its own operations' verdicts): a scan is cheap.
    db.outcomes.toArray(),
    db.reviews.where('runId').anyOf(ids).toArray(),
  ]);
  const steps = perRun.flat();
  const known: Exclusion[] = outcomes.flatMap((o) => (o.outcome.status === 'applied_with_exclusions' ? o.outcome.excluded : []));
  const leftOut = leftOutCells(batch, steps, audit, known);
  const matrix = buildMatrix(runs, steps, leftOut, reviewReasons(reviews, new Set(ids)));
  return { batch, runs, steps, matrix };
}
