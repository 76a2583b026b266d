import type { Batch } from '../../../shared/schemas/batch';
import type { Seen } from '../../../shared/schemas/operation';
import type { RunStep } from '../../../shared/schemas/run';
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

/**
 * What the technician sees of a step, from the rows on their screen (the run view's step and
 * batch): a dialog records what it showed, with no read between the click and the write, and a
 * change that landed but is not yet drawn counts as not seen, as it should.
 */
export function seenOnScreen(step: Pick<RunStep, 'version'>, batch: Pick<Batch, 'id' | 'memberRunIds'> | undefined): Seen {
  return { stepVersion: step.version, batchId: batch?.id ?? null, batchMembers: batch ? [...batch.memberRunIds] : [] };
}
