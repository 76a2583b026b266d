import * as z from 'zod';
import { Id } from './common';
import { StepState } from './run';

export const RejectionCode = z.enum([
  'invalid_input',
  'unknown_run',
  'unknown_step',
  'unknown_batch',
  'unknown_user',
  'permission_denied',
  'signoff_role',
  'invalid_transition',
  'not_available',
  'missing_fields',
  'field_out_of_limits',
  'missing_installs',
  'batch_rule',
  'already_exists',
  'unknown_review',
]);
export type RejectionCode = z.infer<typeof RejectionCode>;

export const ReviewCode = z.enum(['stale_step', 'concurrent_redline']);
export type ReviewCode = z.infer<typeof ReviewCode>;

export const StepRef = z.object({ runId: Id, stepId: Id });
export type StepRef = z.infer<typeof StepRef>;

/** A run the change did not reach, and why. `review` marks the ones a supervisor must decide. */
export const Exclusion = z.object({
  runId: Id,
  stepId: Id.nullable(),
  reason: z.string(),
  review: z.boolean(),
});
export type Exclusion = z.infer<typeof Exclusion>;

/** Every operation ends with exactly one of these, with a reason a person can read. */
export const Outcome = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('applied'),
    /** Set when nothing had to change: "Already completed by Ana Ortiz at ...". */
    note: z.string().nullable(),
    propagatedTo: z.array(StepRef),
  }),
  z.object({
    status: z.literal('applied_with_exclusions'),
    note: z.string().nullable(),
    propagatedTo: z.array(StepRef),
    excluded: z.array(Exclusion).min(1),
  }),
  z.object({
    status: z.literal('needs_review'),
    code: ReviewCode,
    reason: z.string(),
    /** The server's side: the step as it stood when the operation arrived. */
    current: z.object({ state: StepState, version: z.number().int(), by: z.string().nullable() }).nullable(),
  }),
  z.object({
    status: z.literal('rejected'),
    code: RejectionCode,
    reason: z.string(),
  }),
]);
export type Outcome = z.infer<typeof Outcome>;
