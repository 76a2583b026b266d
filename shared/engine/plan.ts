import type { Json } from '../schemas/common';
import type { ReviewCode, RejectionCode } from '../schemas/outcome';
import type { OperationOf } from '../schemas/operation';
import type { RunStep } from '../schemas/run';
import type { Provenance, Signature } from '../schemas/signature';
import type { Permission, User } from '../schemas/users';
import type { StepOperation } from '../schemas/operation';
import type { Draft } from './draft';

/** What an operation would do to one step, decided before anything is written. */
export type Plan =
  /** Write `next` (when it differs from the step) and record the audit entry, plus a signature if any. */
  | { kind: 'change'; next: RunStep; signature?: Signature; detail?: Record<string, Json> }
  /** The step already reached the outcome asked for: nothing to do, and the note says who got there. */
  | { kind: 'same'; note: string }
  /** The step cannot take the change. `conflict` marks a refusal caused by the step's state. */
  | { kind: 'refuse'; code: RejectionCode; reason: string; conflict: boolean }
  /** The change collides with someone else's: a person must decide. */
  | { kind: 'review'; code: ReviewCode; reason: string };

export interface StepContext<K extends StepOperation['kind']> {
  draft: Draft;
  op: OperationOf<K>;
  actor: User;
  /** The step the operation names, before and after its own change (the same row on that step). */
  sourceBefore: RunStep;
  sourceAfter: RunStep;
  /** Null on the step the operation names; set on each sibling the change propagates to. */
  provenance: Provenance | null;
}

export interface StepAction<K extends StepOperation['kind']> {
  permission: Permission;
  /** Whether the change reaches the sibling steps of the other runs in the batch. */
  propagates: boolean;
  plan(step: RunStep, ctx: StepContext<K>): Plan;
}

export const refuse = (code: RejectionCode, reason: string, conflict = false): Plan => ({
  kind: 'refuse',
  code,
  reason,
  conflict,
});
