import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '../../../shared/schemas/audit';
import type { Batch } from '../../../shared/schemas/batch';
import type { Exclusion } from '../../../shared/schemas/outcome';
import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import type { Run, RunStep } from '../../../shared/schemas/run';
import type { Signature } from '../../../shared/schemas/signature';
import { useStation } from '../boot/StationContext';
import type { StationDb } from '../store/db';
import { stepsOfRuns } from '../store/runSteps';

/** A change this station made that left a run out, as its outcome told it. */
export interface RecordExclusion extends Exclusion {
  operationId: string;
  kind: string;
  fromRunId: string | null;
  fromStepId: string | null;
}

export interface RunRecord {
  run: Run;
  procedure: ProcedureVersion | undefined;
  steps: RunStep[];
  signatures: Signature[];
  /** The run's redline entries, oldest first. */
  redlines: AuditEntry[];
  exclusions: RecordExclusion[];
}

export interface PrintRecord {
  batch: Batch | null;
  runs: RunRecord[];
  /** When the cache last heard from the server; null when it never has (a demo plant of its own). */
  lastSyncAt: string | null;
  /** Changes saved on this station the server has not yet confirmed. */
  waiting: number;
}

const byAt = (a: AuditEntry, b: AuditEntry) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1);

async function runRecord(db: StationDb, run: Run, exclusions: readonly RecordExclusion[]): Promise<RunRecord> {
  const [steps, signatures, audit, procedure] = await Promise.all([
    stepsOfRuns(db, [run]).then(([mine]) => mine ?? []),
    db.signatures.where('runId').equals(run.id).toArray(),
    db.audit.where('runId').equals(run.id).toArray(),
    db.procedures.get(run.procedureVersionId),
  ]);
  signatures.sort((a, b) => (a.signedAt < b.signedAt ? -1 : a.signedAt > b.signedAt ? 1 : 0));
  return {
    run,
    procedure,
    steps,
    signatures,
    redlines: audit.filter((a) => a.action.startsWith('redline')).sort(byAt),
    exclusions: exclusions.filter((x) => x.runId === run.id || x.fromRunId === run.id),
  };
}

/** Every exclusion in this station's outcomes (few: one row per operation it sent). */
async function stationExclusions(db: StationDb): Promise<RecordExclusion[]> {
  const rows = await db.outcomes.toArray();
  return rows.flatMap((row) => {
    if (row.outcome.status !== 'applied_with_exclusions') return [];
    const op = row.op;
    const fromRunId = op && 'runId' in op && typeof op.runId === 'string' ? op.runId : null;
    const fromStepId = op && 'stepId' in op && typeof op.stepId === 'string' ? op.stepId : null;
    return row.outcome.excluded.map((x) => ({ ...x, operationId: row.operationId, kind: row.kind, fromRunId, fromStepId }));
  });
}

/**
 * A batch record (the batch's runs in the order they joined) or a run record, read live from the
 * cache; null when the station does not hold it.
 */
export function usePrintRecord(target: 'batch' | 'run', id: string): PrintRecord | null | undefined {
  const { db } = useStation();
  return useLiveQuery(async (): Promise<PrintRecord | null> => {
    const batch = target === 'batch' ? ((await db.batches.get(id)) ?? null) : null;
    if (target === 'batch' && !batch) return null;
    const runs = (await db.runs.bulkGet(batch ? batch.memberRunIds : [id])).filter((r): r is Run => r !== undefined);
    if (runs.length === 0 && !batch) return null;
    const [exclusions, lastSync, waiting] = await Promise.all([stationExclusions(db), db.meta.get('lastSyncAt'), db.outbox.count()]);
    return {
      batch,
      runs: await Promise.all(runs.map((run) => runRecord(db, run, exclusions))),
      lastSyncAt: typeof lastSync?.value === 'string' ? lastSync.value : null,
      waiting,
    };
  }, [db, target, id]);
}
