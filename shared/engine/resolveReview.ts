import { hasPermission } from '../domain/permissions';
import { isStepOperation, type OperationOf, type StepOperation } from '../schemas/operation';
import type { Review } from '../schemas/review';
import type { RunStep } from '../schemas/run';
import type { Provenance } from '../schemas/signature';
import type { User } from '../schemas/users';
import { write } from './applyStepOperation';
import type { Draft } from './draft';
import type { Plan, StepAction, StepContext } from './plan';
import { applied, rejected, type ApplyResult } from './result';
import { stepActionTable } from './stepActionTable';

type ResolveOp = OperationOf<'resolveReview'>;
type AnyStepKind = StepOperation['kind'];

/**
 * A supervisor's decision on a review item. The first decision wins and is never edited: a later
 * one applies with a note and changes nothing. Each decision writes the review row with its
 * resolution and an audit entry on the step; 'reopen' and 'applyToRun' also change the step,
 * through the same rules as the step actions, and are refused (the item stays open) when the
 * step's state does not allow them.
 */
export function resolveReview(draft: Draft, op: ResolveOp, actor: User): ApplyResult {
  if (!hasPermission(actor, 'ResolveReview')) {
    return rejected('permission_denied', `${actor.name} does not have the ResolveReview permission`);
  }
  const review = draft.review(op.reviewId);
  if (!review) return rejected('unknown_review', `Review item ${op.reviewId} does not exist`);
  if (review.resolution) {
    return applied([], [], [], `Already resolved by ${review.resolution.byName} at ${review.resolution.at}`);
  }
  const step = review.stepId === null ? undefined : draft.step(review.stepId);
  if (op.action === 'acceptServer') return decide(draft, op, actor, review, step, null);
  if (!step) {
    return rejected('unknown_step', `This review item names no step in run ${review.runId}: only accepting the server's state applies`);
  }
  const planned = op.action === 'reopen' ? reopenPlan(draft, op, actor, step) : applyToRunPlan(draft, op, review, step);
  if ('refusal' in planned) return planned.refusal;
  if (planned.plan.kind === 'change') write(draft, step, planned.plan, planned.op, planned.actor, planned.provenance);
  return decide(draft, op, actor, review, step, planned.plan.kind === 'same' ? planned.plan.note : null);
}

interface Planned {
  plan: Extract<Plan, { kind: 'change' | 'same' }>;
  op: StepOperation;
  actor: User;
  provenance: Provenance | null;
}

function planOrRefusal(plan: Plan, rest: Omit<Planned, 'plan'>): Planned | { refusal: ApplyResult } {
  switch (plan.kind) {
    case 'change':
    case 'same':
      return { plan, ...rest };
    case 'refuse':
      return { refusal: rejected(plan.code, plan.reason) };
    case 'review':
      return { refusal: rejected('invalid_transition', plan.reason) };
    default:
      return plan satisfies never;
  }
}

/** 'reopen': the reopen action on the review's step, by the resolver, with the resolver's reason. */
function reopenPlan(draft: Draft, op: ResolveOp, actor: User, step: RunStep): Planned | { refusal: ApplyResult } {
  if (!hasPermission(actor, 'ReopenStep')) {
    return { refusal: rejected('permission_denied', `${actor.name} does not have the ReopenStep permission`) };
  }
  const reopen: OperationOf<'reopen'> = {
    id: op.id,
    stationId: op.stationId,
    actorId: op.actorId,
    at: op.at,
    kind: 'reopen',
    runId: step.runId,
    stepId: step.id,
    seen: { stepVersion: step.version, batchId: null, batchMembers: [] },
    reason: op.reason,
  };
  const ctx: StepContext<'reopen'> = { draft, op: reopen, actor, sourceBefore: step, sourceAfter: step, provenance: null };
  return planOrRefusal(stepActionTable.reopen.plan(step, ctx), { op: reopen, actor, provenance: null });
}

/**
 * 'applyToRun': the original step operation, by its original author and at its original time,
 * applied to the review's step now, exactly as it would have been written then (on a run it
 * left out, with provenance pointing at the run and step it came from). The supervisor decided
 * with the step as it stands in front of them, so the step version it was seen at is the current one.
 */
function applyToRunPlan(draft: Draft, op: ResolveOp, review: Review, step: RunStep): Planned | { refusal: ApplyResult } {
  const original = review.operation;
  if (!isStepOperation(original)) {
    return { refusal: rejected('invalid_transition', 'Only a step operation can be applied to a run') };
  }
  const author = draft.user(original.actorId);
  if (!author) return { refusal: rejected('unknown_user', `User ${original.actorId} does not exist`) };
  const source = draft.step(original.stepId) ?? step;
  const propagated = source.id !== step.id;
  const provenance: Provenance | null = propagated
    ? { batchId: review.batchId ?? original.seen.batchId ?? '', fromRunId: original.runId, fromStepId: original.stepId }
    : null;
  // What it writes (signature, audit) carries the resolution's id: that operation made the change.
  const replay: StepOperation = { ...original, id: op.id, seen: { ...original.seen, stepVersion: step.version } };
  const action = stepActionTable[replay.kind] as unknown as StepAction<AnyStepKind>;
  const ctx: StepContext<AnyStepKind> = { draft, op: replay, actor: author, sourceBefore: source, sourceAfter: source, provenance };
  return planOrRefusal(action.plan(step, ctx), { op: replay, actor: author, provenance });
}

/** Records the decision: the review row, once, and the audit entry on the step. */
function decide(draft: Draft, op: ResolveOp, actor: User, review: Review, before: RunStep | undefined, note: string | null): ApplyResult {
  const after = before ? draft.step(before.id) : undefined;
  draft.putReview({
    ...review,
    resolution: { action: op.action, reason: op.reason, byId: actor.id, byName: actor.name, at: op.at, operationId: op.id },
    version: review.version + 1,
  });
  draft.addAudit({
    id: `${op.id}:review`,
    operationId: op.id,
    action: 'resolveReview',
    actorId: actor.id,
    actorName: actor.name,
    stationId: op.stationId,
    at: op.at,
    runId: review.runId,
    stepId: review.stepId,
    batchId: review.batchId,
    fromState: before?.state ?? null,
    toState: after?.state ?? null,
    reason: op.reason,
    provenance: null,
    detail: { reviewId: review.id, decision: op.action, kind: review.kind, originalOperationId: review.operationId },
  });
  return applied(draft.changes(op.at), [], [], note);
}
