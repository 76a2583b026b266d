import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AuditEntry } from '../../../shared/schemas/audit';
import type { Batch } from '../../../shared/schemas/batch';
import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import type { Run, RunStep } from '../../../shared/schemas/run';
import type { Signature } from '../../../shared/schemas/signature';
import { useStation } from '../boot/StationContext';
import { stepsOfRuns } from '../store/runSteps';
import { overlayCommitted } from './committedOverlay';

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

/** The run view's data: as shown, and as the live query last read it. */
export interface RunView {
  /** With this station's latest commits drawn over what was read (committedOverlay.ts). */
  shown: RunData | null | undefined;
  /**
   * As read, without that drawing: for what need not redraw in a commit's own event (the step
   * dialog, which closes right after its save commits: redrawn there, it only held the step's
   * new state back from the screen).
   */
  read: RunData | null | undefined;
}

/**
 * Everything the run view shows, read live: any change to the run, its steps or its batch
 * re-renders it. A committed write to the run or its steps is drawn at once from the rows it
 * wrote (committedOverlay.ts), before the live query has read them back; the query's next
 * result, read after that commit, replaces the drawn one.
 */
export function useRunData(runId: string): RunView {
  const { db } = useStation();
  const live = useLiveQuery(async (): Promise<RunData | null> => {
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
  // The overlay belongs to the live result it was drawn over: a newer result drops it.
  const [drawn, setDrawn] = useState<{ over: RunData; data: RunData } | null>(null);
  useEffect(() => {
    if (!live) return undefined;
    return db.committedRows.listen((rows) => {
      // Drawn at once, in the commit's own event: the committed feed is told before the saving
      // code goes on, so the step shows its new state before the dialog closes and the message
      // comes (committedRows.ts), not in the same pass as them.
      flushSync(() => {
        setDrawn((prev) => {
          const shown = prev?.over === live ? prev.data : live;
          const next = overlayCommitted(shown, rows);
          return next ? { over: live, data: next } : prev;
        });
      });
    });
  }, [db, live]);
  return { shown: live && drawn?.over === live ? drawn.data : live, read: live };
}
