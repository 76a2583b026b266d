import * as z from 'zod';
import { Id, Instant, ReviewId } from './common';
import { Operation, ReviewAction } from './operation';
import { StepState } from './run';

/**
 * Why a supervisor must decide: the operation's own step moved after its author saw it
 * (`stale_step`), it collided with someone else's redline (`concurrent_redline`), or a propagated
 * change did not reach a run that was in the batch when its author acted (`left_out`).
 */
export const ReviewKind = z.enum(['stale_step', 'concurrent_redline', 'left_out']);
export type ReviewKind = z.infer<typeof ReviewKind>;

/** The server's side: the step as it stood when the operation arrived. */
export const ReviewServerSide = z.object({
  state: StepState,
  version: z.number().int().nonnegative(),
  /** Who got the step there, when the step says so (its signer, or who opened its redline). */
  by: z.string().nullable(),
});
export type ReviewServerSide = z.infer<typeof ReviewServerSide>;

/** The decision, written once by the first resolveReview that applies; never edited. */
export const ReviewResolution = z.object({
  action: ReviewAction,
  reason: z.string(),
  byId: Id,
  byName: z.string(),
  /** The resolver's station clock. */
  at: Instant,
  /** The resolveReview operation that decided it. */
  operationId: Id,
});
export type ReviewResolution = z.infer<typeof ReviewResolution>;

/**
 * One decision a supervisor must take: one operation and one run it concerns. The id is derived
 * from both (see reviewIdOf), so the engine writes the same row wherever it runs.
 */
export const Review = z.object({
  id: ReviewId,
  operationId: Id,
  kind: ReviewKind,
  /** Readable: why the operation did not simply apply to this run. */
  reason: z.string(),
  runId: Id,
  /** The step of that run the operation concerned; null only when the run has no such step. */
  stepId: Id.nullable(),
  batchId: Id.nullable(),
  /** The operation as its author sent it: what they saw (`seen`) and what they did. */
  operation: Operation,
  serverSide: ReviewServerSide.nullable(),
  /** Who acted, where, and when by their station's clock. */
  actorId: Id,
  actorName: z.string(),
  stationId: Id,
  at: Instant,
  resolution: ReviewResolution.nullable(),
  /** 1 when raised, 2 once resolved. */
  version: z.number().int().positive(),
});
export type Review = z.infer<typeof Review>;
