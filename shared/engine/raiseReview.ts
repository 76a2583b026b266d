import { reviewIdOf } from '../schemas/common';
import type { StepOperation } from '../schemas/operation';
import type { Exclusion } from '../schemas/outcome';
import type { Review, ReviewKind, ReviewServerSide } from '../schemas/review';
import type { RunStep } from '../schemas/run';
import type { User } from '../schemas/users';
import type { Draft } from './draft';
import { findSibling } from './siblings';

/** The server's side of a step: where it stood, and who got it there when the step says so. */
export function serverSideOf(step: RunStep): ReviewServerSide {
  return { state: step.state, version: step.version, by: step.completion?.signerName ?? step.redline?.openedByName ?? null };
}

/**
 * Puts the review row for one run an operation concerns. Its id comes from the operation and the
 * run, so the station's optimistic apply and the server's write the same row.
 */
export function raiseReview(
  draft: Draft,
  op: StepOperation,
  actor: User,
  target: { kind: ReviewKind; reason: string; runId: string; step: RunStep | undefined; batchId: string | null },
): void {
  const id = reviewIdOf(op.id, target.runId);
  // Raised once: the same operation applied again (a station replaying its outbox) never reopens a decided item.
  if (draft.review(id)) return;
  const row: Review = {
    id,
    operationId: op.id,
    kind: target.kind,
    reason: target.reason,
    runId: target.runId,
    stepId: target.step?.id ?? null,
    batchId: target.batchId,
    operation: op,
    serverSide: target.step ? serverSideOf(target.step) : null,
    actorId: actor.id,
    actorName: actor.name,
    stationId: op.stationId,
    at: op.at,
    resolution: null,
    version: 1,
  };
  draft.putReview(row);
}

/**
 * A run the change did not reach and a supervisor must decide about gets a 'left_out' review on
 * the step the change would have reached (the sibling of the source step, if the run has one).
 */
export function raiseLeftOut(draft: Draft, op: StepOperation, actor: User, source: RunStep, exclusion: Exclusion): void {
  const run = draft.run(exclusion.runId);
  const step =
    exclusion.stepId !== null
      ? draft.step(exclusion.stepId)
      : run
        ? (findSibling(draft, source, run) ?? draft.stepByOrigin(run, source.originStepId))
        : undefined;
  raiseReview(draft, op, actor, { kind: 'left_out', reason: exclusion.reason, runId: exclusion.runId, step, batchId: op.seen.batchId });
}
