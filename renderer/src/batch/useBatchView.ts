import { useLiveQuery } from 'dexie-react-hooks';
import type { Batch } from '../../../shared/schemas/batch';
import type { Run } from '../../../shared/schemas/run';
import { useStation } from '../boot/StationContext';

export interface BatchView {
  /** The batch as it stands, or undefined once dissolved. */
  batch: Batch | undefined;
  /** Whether the run the manager was opened from is still in this batch. */
  runInBatch: boolean;
  members: Run[];
}

/** The batch the manager shows, its member runs, and whether the opening run is still one of them. */
export function useBatchView(batchId: string, runId: string): BatchView | undefined {
  const { db } = useStation();
  return useLiveQuery(async () => {
    const [batch, run] = await Promise.all([db.batches.get(batchId), db.runs.get(runId)]);
    const members = batch ? (await db.runs.bulkGet(batch.memberRunIds)).filter((r): r is Run => r !== undefined) : [];
    return { batch, runInBatch: batch !== undefined && run?.batchId === batch.id, members };
  }, [db, batchId, runId]);
}

/** "Search runs in batch": by run ID or run title, ignoring case. */
export function matchesRun(run: Pick<Run, 'id' | 'title'>, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return needle === '' || run.id.toLowerCase().includes(needle) || run.title.toLowerCase().includes(needle);
}
