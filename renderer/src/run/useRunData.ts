import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '../../../shared/schemas/audit';
import type { Batch } from '../../../shared/schemas/batch';
import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import type { Run, RunStep } from '../../../shared/schemas/run';
import type { Signature } from '../../../shared/schemas/signature';
import { useStation } from '../boot/StationContext';
import { stepsOfRuns } from '../store/runSteps';

export interface RunData {
  run: Run;
  steps: RunStep[];
  batch: Batch | undefined;
  procedure: ProcedureVersion | undefined;
  signatures: Signature[];
  audit: AuditEntry[];
  /** The run, and its steps, with a change saved on this station and not yet confirmed by the server. */
  runPending: boolean;
  pendingSteps: ReadonlySet<string>;
}

/** Everything the run view shows, read live: any change to the run, its steps or its batch re-renders it. */
export function useRunData(runId: string): RunData | null | undefined {
  const { db } = useStation();
  return useLiveQuery(async (): Promise<RunData | null> => {
    const run = await db.runs.get(runId);
    if (!run) return null;
    const [steps, batch, procedure, signatures, audit, shadows] = await Promise.all([
      stepsOfRuns(db, [run]).then(([mine]) => mine ?? []),
      run.batchId === null ? undefined : db.batches.get(run.batchId),
      db.procedures.get(run.procedureVersionId),
      db.signatures.where('runId').equals(runId).toArray(),
      db.audit.where('runId').equals(runId).toArray(),
      db.shadows.bulkGet([`run:${runId}`, ...run.stepIds.map((id) => `runStep:${id}`)]),
    ]);
    const [runShadow, ...stepShadows] = shadows;
    return {
      run,
      steps,
      batch,
      procedure,
      signatures,
      audit,
      runPending: runShadow !== undefined,
      pendingSteps: new Set(run.stepIds.filter((_, i) => stepShadows[i] !== undefined)),
    };
  }, [db, runId]);
}
