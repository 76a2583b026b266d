import { useLiveQuery } from 'dexie-react-hooks';
import type { Outcome } from '../../../shared/schemas/outcome';
import type { RunStep } from '../../../shared/schemas/run';
import { useStation } from '../boot/StationContext';
import type { StationDb } from '../store/db';
import type { RunData } from '../run/useRunData';
import { stepTrail, trailEntries, type TrailLine } from './stepTrail';

/**
 * The step's trail from the cache: the run's audit (already loaded with the run), the same
 * operations on the batch's other runs (where a change went), and this station's outcomes.
 */
export async function readStepTrail(db: StationDb, data: RunData, step: RunStep): Promise<TrailLine[]> {
  const entries = trailEntries(data.audit, step);
  const operationIds = [...new Set(entries.map((e) => e.operationId))];
  const batchIds = [...new Set(entries.map((e) => e.batchId).filter((b): b is string => b !== null))];
  const ops = new Set(operationIds);
  const [related, outcomeRows] = await Promise.all([
    batchIds.length === 0 ? [] : db.audit.where('batchId').anyOf(batchIds).filter((a) => ops.has(a.operationId)).toArray(),
    db.outcomes.bulkGet(operationIds),
  ]);
  const outcomes = new Map<string, Outcome>();
  for (const row of outcomeRows) if (row) outcomes.set(row.operationId, row.outcome);
  // A step of another run in the batch reads with this run's number for the same procedure step.
  const stepNumber = (stepId: string) => data.steps.find((s) => stepId.endsWith(`/${s.originStepId}`))?.number ?? null;
  return stepTrail({ stepId: step.id, runId: step.runId, entries, related, signatures: data.signatures.filter((s) => s.stepId === step.id), outcomes, stepNumber, fields: step.fields });
}

/**
 * The step's trail, read live while `shown`; undefined while it is not (or not yet read). The read
 * walks every entry of the batch for the operations' other runs, and a live query over it runs
 * again on every change to the batch: kept off the screen's path from a click to its redraw
 * unless the person has the history open. Closed, it does not follow the run's rows either: a
 * live query made again for each change to them cost every save's redraw its teardown.
 */
export function useStepTrail(data: RunData, step: RunStep, shown: boolean): TrailLine[] | undefined {
  const { db } = useStation();
  const over = shown ? { data, step } : null;
  return useLiveQuery(() => (over ? readStepTrail(db, over.data, over.step) : undefined), [db, over?.data, over?.step]);
}
