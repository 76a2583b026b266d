import type { Seen } from '../../../shared/schemas/operation';
import type { StationDb } from './db';
import { stepById } from './runSteps';

/** What the technician sees of a step right now: recorded with every step operation. */
export async function seenFor(db: StationDb, runId: string, stepId: string): Promise<Seen> {
  const [run, step] = await Promise.all([db.runs.get(runId), stepById(db, stepId)]);
  const batch = run?.batchId ? await db.batches.get(run.batchId) : undefined;
  return {
    stepVersion: step?.version ?? 0,
    batchId: batch?.id ?? null,
    batchMembers: batch ? [...batch.memberRunIds] : [],
  };
}
