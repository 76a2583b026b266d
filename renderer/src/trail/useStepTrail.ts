import { useLiveQuery } from 'dexie-react-hooks';
import type { Outcome } from '../../../shared/schemas/outcome';
import type { RunStep } from '../../../shared/schemas/run';
import { useStation } from '../boot/StationContext';
import type { RunData } from '../run/useRunData';
import { stepTrail, type TrailLine } from './stepTrail';

/**
 * The step's trail, read live from the cache: the run's audit (already loaded with the run), the
 * same operations on the batch's other runs (where a change went), and this station's outcomes.
 */
export function useStepTrail(data: RunData, step: RunStep): TrailLine[] | undefined {
  const { db } = useStation();
  return useLiveQuery(async () => {
    const entries = data.audit.filter((a) => a.stepId === step.id || (a.stepId === null && a.runId === step.runId));
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
  }, [db, data, step.id, step.runId, step.fields]);
}
