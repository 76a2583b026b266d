import { hasPermission } from '../domain/permissions';
import type { Exclusion, StepRef } from '../schemas/outcome';
import type { StepOperation } from '../schemas/operation';
import type { Run, RunStep } from '../schemas/run';
import type { Provenance } from '../schemas/signature';
import type { User } from '../schemas/users';
import { capital, stepLabel } from './describe';
import type { Draft } from './draft';
import { raiseLeftOut, raiseReview, serverSideOf } from './raiseReview';
import type { Plan, StepAction, StepContext } from './plan';
import { applied, rejected, type ApplyResult } from './result';
import { findSibling } from './siblings';
import { stepActionTable } from './stepActionTable';

type AnyStepKind = StepOperation['kind'];

export function applyStepOperation(draft: Draft, op: StepOperation, actor: User): ApplyResult {
  // TypeScript cannot correlate the table's entry with the operation's kind; the table's mapped type guarantees it.
  const action = stepActionTable[op.kind] as unknown as StepAction<AnyStepKind>;
  const run = draft.run(op.runId);
  if (!run) return rejected('unknown_run', `Run ${op.runId} does not exist`);
  const step = draft.step(op.stepId);
  if (!step || step.runId !== run.id) return rejected('unknown_step', `Run ${run.id} has no step ${op.stepId}`);
  if (!hasPermission(actor, action.permission)) {
    return rejected('permission_denied', `${actor.name} does not have the ${action.permission} permission`);
  }

  const ctx: StepContext<AnyStepKind> = { draft, op, actor, sourceBefore: step, sourceAfter: step, provenance: null };
  const plan = action.plan(step, ctx);
  switch (plan.kind) {
    case 'same':
      return applied([], [], [], plan.note);
    case 'review':
      return needsReview(draft, op, actor, step, plan.code, plan.reason);
    case 'refuse':
      // A refusal caused by the step's state is a conflict when the step moved since its author saw it.
      return plan.conflict && step.version !== op.seen.stepVersion
        ? needsReview(draft, op, actor, step, 'stale_step', `${plan.reason}: it changed after you saw it`)
        : rejected(plan.code, plan.reason);
    case 'change':
      break;
    default:
      return plan satisfies never;
  }

  const after = write(draft, step, plan, op, actor, null);
  const propagatedTo: StepRef[] = [];
  const excluded: Exclusion[] = [];
  if (action.propagates) {
    const { recipients, leftOut, batchId } = recipientsOf(draft, run, op);
    const sibCtx = { ...ctx, sourceAfter: after };
    for (const runId of leftOut) {
      excluded.push({
        runId,
        stepId: null,
        reason: `Left Batch ${op.seen.batchId ?? ''} before this change reached the server: a supervisor decides`,
        review: true,
      });
    }
    for (const other of recipients) {
      const sibling = findSibling(draft, step, other);
      if (!sibling) {
        excluded.push({ runId: other.id, stepId: null, reason: `No sibling of ${stepLabel(step)} in run ${other.id}`, review: false });
        continue;
      }
      const provenance: Provenance = { batchId, fromRunId: run.id, fromStepId: step.id };
      const sibPlan = action.plan(sibling, { ...sibCtx, provenance });
      if (sibPlan.kind === 'change') {
        write(draft, sibling, sibPlan, op, actor, provenance);
        propagatedTo.push({ runId: other.id, stepId: sibling.id });
      } else {
        excluded.push(exclusionFor(sibling, sibPlan));
      }
    }
  }
  for (const exclusion of excluded) if (exclusion.review) raiseLeftOut(draft, op, actor, step, exclusion);
  return applied(draft.changes(op.at), propagatedTo, excluded);
}

function exclusionFor(step: RunStep, plan: Exclude<Plan, { kind: 'change' }>): Exclusion {
  const reason = plan.kind === 'same' ? plan.note : plan.reason;
  return { runId: step.runId, stepId: step.id, reason: capital(reason), review: plan.kind === 'review' };
}

/** Nothing changes on the step; the review row a supervisor will decide on is the only write. */
function needsReview(draft: Draft, op: StepOperation, actor: User, step: RunStep, code: 'stale_step' | 'concurrent_redline', reason: string): ApplyResult {
  const readable = capital(reason);
  const batchId = draft.run(step.runId)?.batchId ?? op.seen.batchId;
  raiseReview(draft, op, actor, { kind: code, reason: readable, runId: step.runId, step, batchId });
  return {
    outcome: { status: 'needs_review', code, reason: readable, current: serverSideOf(step) },
    changes: draft.changes(op.at),
  };
}

/**
 * Propagation reaches the runs that were in the batch both when the technician acted and when
 * the operation is applied. Runs that left in between are listed for a supervisor; runs that
 * joined in between are not touched: their units were not in front of the technician.
 */
function recipientsOf(draft: Draft, run: Run, op: StepOperation): { recipients: Run[]; leftOut: string[]; batchId: string } {
  const seenBatch = op.seen.batchId;
  if (seenBatch === null) return { recipients: [], leftOut: [], batchId: '' };
  const seen = op.seen.batchMembers.filter((id) => id !== run.id);
  const seenSet = new Set(seen);
  const batch = run.batchId === seenBatch ? draft.batch(seenBatch) : undefined;
  const now = new Set(batch?.memberRunIds ?? []);
  const recipients = (batch?.memberRunIds ?? [])
    .filter((id) => id !== run.id && seenSet.has(id))
    .map((id) => draft.run(id))
    .filter((r): r is Run => r !== undefined);
  return { recipients, leftOut: seen.filter((id) => !now.has(id)), batchId: batch ? batch.id : seenBatch };
}

/** Writes the planned step (a new version) with its audit entry and signature, if any. */
export function write(draft: Draft, before: RunStep, plan: Extract<Plan, { kind: 'change' }>, op: StepOperation, actor: User, provenance: Provenance | null): RunStep {
  const changed = plan.next !== before;
  const after = changed ? { ...plan.next, version: before.version + 1, updatedAt: op.at } : before;
  if (changed) draft.putStep(after);
  if (plan.signature) draft.addSignature(plan.signature);
  // An operation that leaves this step as it was (the source of a cascade) leaves no trail here.
  if (!changed && !plan.signature) return after;
  const run = draft.run(before.runId);
  draft.addAudit({
    id: `${op.id}:step:${before.id}`,
    operationId: op.id,
    action: op.kind,
    actorId: actor.id,
    actorName: actor.name,
    stationId: op.stationId,
    at: op.at,
    runId: before.runId,
    stepId: before.id,
    batchId: provenance?.batchId ?? run?.batchId ?? null,
    fromState: before.state,
    toState: after.state,
    reason: 'reason' in op ? op.reason : null,
    provenance,
    detail: plan.detail ?? null,
  });
  return after;
}

