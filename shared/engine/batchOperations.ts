import { batchLabel, type Batch } from '../schemas/batch';
import type { OperationOf } from '../schemas/operation';
import type { Run } from '../schemas/run';
import type { User } from '../schemas/users';
import { stepLabel } from './describe';
import type { Draft } from './draft';
import { applied, rejected, type ApplyResult } from './result';
import { siblingKey } from './siblings';

/**
 * Batch membership: one batch per run, no batch of runs without shared steps, no leaving while a
 * step is in redline, "Unbatch all" dissolves the batch. Each change is audited per run and batch.
 */

type Lookup = { runs: Run[] } | { refusal: ApplyResult };

function lookUpRuns(draft: Draft, ids: readonly string[]): Lookup {
  const runs: Run[] = [];
  for (const id of ids) {
    const run = draft.run(id);
    if (!run) return { refusal: rejected('unknown_run', `Run ${id} does not exist`) };
    runs.push(run);
  }
  return { runs };
}

/**
 * Every pair of runs must share at least one sibling step. Runs with the same set of step
 * identities (typically the same procedure version) are checked once, so large batches stay cheap.
 */
function noSharedSteps(draft: Draft, runs: readonly Run[]): ApplyResult | null {
  const groups = new Map<string, { run: Run; keys: Set<string> }>();
  for (const run of runs) {
    const keys = draft.stepsOf(run).map(siblingKey).sort();
    const signature = keys.join('\n');
    if (!groups.has(signature)) groups.set(signature, { run, keys: new Set(keys) });
  }
  const distinct = [...groups.values()];
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      const a = distinct[i];
      const b = distinct[j];
      if (a && b && ![...a.keys].some((k) => b.keys.has(k))) {
        return rejected(
          'batch_rule',
          `Runs ${a.run.id} and ${b.run.id} share no steps: runs without sibling steps cannot be batched together`,
        );
      }
    }
  }
  return null;
}

function inRedline(draft: Draft, runs: readonly Run[]): ApplyResult | null {
  for (const run of runs) {
    const step = draft.stepsOf(run).find((s) => s.state === 'redline');
    if (step) {
      return rejected('batch_rule', `Run ${run.id} cannot leave its batch while ${stepLabel(step)} is in redline`);
    }
  }
  return null;
}

function audit(draft: Draft, op: OperationOf<BatchKind>, actor: User, batchId: string, runId: string | null, detail: Record<string, string | string[] | null>) {
  draft.addAudit({
    id: runId === null ? `${op.id}:batch:${batchId}` : `${op.id}:run:${runId}`,
    operationId: op.id,
    action: op.kind,
    actorId: actor.id,
    actorName: actor.name,
    stationId: op.stationId,
    at: op.at,
    runId,
    stepId: null,
    batchId,
    fromState: null,
    toState: null,
    reason: null,
    provenance: null,
    detail,
  });
}

type BatchKind = 'createBatch' | 'addRunsToBatch' | 'removeRunFromBatch' | 'renameBatch' | 'unbatchAll';

function setMembership(draft: Draft, op: OperationOf<BatchKind>, actor: User, runs: readonly Run[], batchId: string | null, auditBatch: string) {
  for (const run of runs) {
    draft.putRun({ ...run, batchId, updatedAt: op.at });
    audit(draft, op, actor, auditBatch, run.id, { batchId });
  }
}

function alreadyBatched(draft: Draft, runs: readonly Run[], batchId: string | null): ApplyResult | null {
  const other = runs.find((r) => r.batchId !== null && r.batchId !== batchId);
  if (!other || other.batchId === null) return null;
  const batch = draft.batch(other.batchId);
  return rejected('batch_rule', `Run ${other.id} is already in ${batch ? batchLabel(batch) : `Batch ${other.batchId}`}`);
}

export function createBatch(draft: Draft, op: OperationOf<'createBatch'>, actor: User): ApplyResult {
  if (draft.batch(op.batchId)) return rejected('already_exists', `Batch ${op.batchId} already exists`);
  const found = lookUpRuns(draft, op.runIds);
  if ('refusal' in found) return found.refusal;
  const refusal = alreadyBatched(draft, found.runs, null) ?? noSharedSteps(draft, found.runs);
  if (refusal) return refusal;
  const title = op.title === null || op.title === '' ? null : op.title;
  const batch: Batch = { id: op.batchId, title, memberRunIds: [...op.runIds], createdBy: actor.id, createdAt: op.at, updatedAt: op.at };
  draft.putBatch(batch);
  audit(draft, op, actor, batch.id, null, { added: [...op.runIds], title });
  setMembership(draft, op, actor, found.runs, batch.id, batch.id);
  return applied(draft.changes(op.at), [], []);
}

export function addRunsToBatch(draft: Draft, op: OperationOf<'addRunsToBatch'>, actor: User): ApplyResult {
  const batch = draft.batch(op.batchId);
  if (!batch) return rejected('unknown_batch', `Batch ${op.batchId} does not exist any more`);
  const found = lookUpRuns(draft, op.runIds);
  if ('refusal' in found) return found.refusal;
  const joining = found.runs.filter((r) => r.batchId !== batch.id);
  if (joining.length === 0) return applied([], [], [], `Already in ${batchLabel(batch)}`);
  const members = lookUpRuns(draft, batch.memberRunIds);
  if ('refusal' in members) return members.refusal;
  const refusal = alreadyBatched(draft, joining, batch.id) ?? noSharedSteps(draft, [...members.runs, ...joining]);
  if (refusal) return refusal;
  const added = joining.map((r) => r.id);
  draft.putBatch({ ...batch, memberRunIds: [...batch.memberRunIds, ...added], updatedAt: op.at });
  audit(draft, op, actor, batch.id, null, { added });
  setMembership(draft, op, actor, joining, batch.id, batch.id);
  return applied(draft.changes(op.at), [], []);
}

/** A removed run keeps every sign-off and redline it gathered; it just stops taking part. */
export function removeRunFromBatch(draft: Draft, op: OperationOf<'removeRunFromBatch'>, actor: User): ApplyResult {
  const run = draft.run(op.runId);
  if (!run) return rejected('unknown_run', `Run ${op.runId} does not exist`);
  const batch = draft.batch(op.batchId);
  if (!batch || run.batchId !== batch.id) return applied([], [], [], 'This run is no longer in a batch.');
  const refusal = inRedline(draft, [run]);
  if (refusal) return refusal;
  const memberRunIds = batch.memberRunIds.filter((id) => id !== run.id);
  if (memberRunIds.length === 0) draft.deleteBatch(batch.id);
  else draft.putBatch({ ...batch, memberRunIds, updatedAt: op.at });
  audit(draft, op, actor, batch.id, null, { removed: [run.id] });
  setMembership(draft, op, actor, [run], null, batch.id);
  return applied(draft.changes(op.at), [], []);
}

export function renameBatch(draft: Draft, op: OperationOf<'renameBatch'>, actor: User): ApplyResult {
  const batch = draft.batch(op.batchId);
  if (!batch) return rejected('unknown_batch', `Batch ${op.batchId} does not exist any more`);
  const title = op.title === '' ? null : op.title;
  if (title === batch.title) return applied([], [], [], 'The batch already has this title');
  draft.putBatch({ ...batch, title, updatedAt: op.at });
  audit(draft, op, actor, batch.id, null, { from: batch.title, title });
  return applied(draft.changes(op.at), [], []);
}

/** "Unbatch all" dissolves the batch; every run continues on its own. */
export function unbatchAll(draft: Draft, op: OperationOf<'unbatchAll'>, actor: User): ApplyResult {
  const batch = draft.batch(op.batchId);
  if (!batch) return rejected('unknown_batch', `Batch ${op.batchId} does not exist any more`);
  const members = lookUpRuns(draft, batch.memberRunIds);
  if ('refusal' in members) return members.refusal;
  const refusal = inRedline(draft, members.runs);
  if (refusal) return refusal;
  draft.deleteBatch(batch.id);
  audit(draft, op, actor, batch.id, null, { removed: [...batch.memberRunIds] });
  setMembership(draft, op, actor, members.runs, null, batch.id);
  return applied(draft.changes(op.at), [], []);
}
