import * as z from 'zod';
import { Id, Instant, Reason, ReviewId, Title } from './common';
import { BuildRequirement, FieldDef, FieldValue } from './procedure';
import { SignatureMeaning } from './signature';

/** Every operation: a client-generated id, who acted, where, and when by the station's clock. */
const envelope = {
  id: Id,
  stationId: Id,
  actorId: Id,
  at: Instant,
};

/**
 * What the author saw when acting: the version of the step, and the batch and its members.
 * The server uses it to tell a stale action from a valid one, and to propagate only to the runs
 * that were in the batch both then and now.
 */
export const Seen = z.object({
  stepVersion: z.number().int().nonnegative(),
  batchId: Id.nullable(),
  batchMembers: z.array(Id).max(1000),
});
export type Seen = z.infer<typeof Seen>;

const stepTarget = {
  runId: Id,
  stepId: Id,
  seen: Seen,
};

const FieldValues = z.record(Id, FieldValue);

export const StartStep = z.object({ ...envelope, ...stepTarget, kind: z.literal('start') });
export const SignOffStep = z.object({
  ...envelope,
  ...stepTarget,
  kind: z.literal('signOff'),
  meaning: SignatureMeaning,
  fieldValues: FieldValues,
});
export const SkipStep = z.object({ ...envelope, ...stepTarget, kind: z.literal('skip'), reason: Reason });
export const FailStep = z.object({ ...envelope, ...stepTarget, kind: z.literal('fail'), reason: Reason });
export const ReopenStep = z.object({ ...envelope, ...stepTarget, kind: z.literal('reopen'), reason: Reason });
export const HoldStep = z.object({ ...envelope, ...stepTarget, kind: z.literal('hold'), reason: Reason });
export const ReleaseStep = z.object({ ...envelope, ...stepTarget, kind: z.literal('release') });
export const EnterFields = z.object({
  ...envelope,
  ...stepTarget,
  kind: z.literal('enterFields'),
  values: FieldValues,
});

export const RedlineOpen = z.object({ ...envelope, ...stepTarget, kind: z.literal('redlineOpen'), reason: Reason });
export const RedlineEdit = z.object({
  ...envelope,
  ...stepTarget,
  kind: z.literal('redlineEdit'),
  changes: z
    .object({
      title: z.string().trim().min(1).max(200).optional(),
      instructions: z.string().max(20_000).optional(),
      fields: z.array(FieldDef).max(100).optional(),
    })
    .refine((c) => c.title !== undefined || c.instructions !== undefined || c.fields !== undefined, {
      message: 'a redline edit must change the title, the instructions or the fields',
    }),
});
export const RedlineFinish = z.object({ ...envelope, ...stepTarget, kind: z.literal('redlineFinish') });
export const RedlineCancel = z.object({ ...envelope, ...stepTarget, kind: z.literal('redlineCancel') });

const RunIdList = z
  .array(Id)
  .min(1, 'at least one run is needed')
  .max(500, 'at most 500 runs at once')
  .refine((ids) => new Set(ids).size === ids.length, { message: 'run ids must not repeat' });

export const CreateBatch = z.object({
  ...envelope,
  kind: z.literal('createBatch'),
  batchId: Id,
  title: Title.nullable(),
  runIds: RunIdList.refine((ids) => ids.length >= 2, { message: 'a batch needs at least two runs' }),
});
export const AddRunsToBatch = z.object({ ...envelope, kind: z.literal('addRunsToBatch'), batchId: Id, runIds: RunIdList });
export const RemoveRunFromBatch = z.object({
  ...envelope,
  kind: z.literal('removeRunFromBatch'),
  batchId: Id,
  runId: Id,
});
export const RenameBatch = z.object({ ...envelope, kind: z.literal('renameBatch'), batchId: Id, title: Title });
export const UnbatchAll = z.object({ ...envelope, kind: z.literal('unbatchAll'), batchId: Id });

export const AddBuildRequirement = z.object({
  ...envelope,
  ...stepTarget,
  kind: z.literal('addBuildRequirement'),
  requirement: BuildRequirement.omit({ id: true, copiedFrom: true }),
});
export const ApplyBuildRequirementToBatch = z.object({
  ...envelope,
  ...stepTarget,
  kind: z.literal('applyBuildRequirementToBatch'),
  requirementId: Id,
});
export const RecordInstall = z.object({
  ...envelope,
  ...stepTarget,
  kind: z.literal('recordInstall'),
  requirementId: Id,
  serial: z.string().trim().min(1).max(120).nullable(),
  lot: z.string().trim().min(1).max(120).nullable(),
  quantity: z.number().int().positive().max(100_000),
});

/**
 * What a supervisor decides about a review item: apply the original step operation to the run it
 * missed, accept the server's state as it stands, or reopen the step so it is done again.
 */
export const ReviewAction = z.enum(['applyToRun', 'acceptServer', 'reopen']);
export type ReviewAction = z.infer<typeof ReviewAction>;

/** Resolving a review item is an operation like any other: audited, queued offline, synced. */
export const ResolveReview = z.object({
  ...envelope,
  kind: z.literal('resolveReview'),
  reviewId: ReviewId,
  action: ReviewAction,
  reason: Reason,
});

export const Operation = z.discriminatedUnion('kind', [
  StartStep,
  SignOffStep,
  SkipStep,
  FailStep,
  ReopenStep,
  HoldStep,
  ReleaseStep,
  EnterFields,
  RedlineOpen,
  RedlineEdit,
  RedlineFinish,
  RedlineCancel,
  CreateBatch,
  AddRunsToBatch,
  RemoveRunFromBatch,
  RenameBatch,
  UnbatchAll,
  AddBuildRequirement,
  ApplyBuildRequirementToBatch,
  RecordInstall,
  ResolveReview,
]);
export type Operation = z.infer<typeof Operation>;
export type OperationKind = Operation['kind'];
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

/** Operations that act on one step of one run (and may propagate to its siblings). */
export type StepOperation = Extract<Operation, { stepId: string }>;
export type ResolveReviewOperation = OperationOf<'resolveReview'>;
/** Operations on batch membership and titles. */
export type BatchOperation = Exclude<Operation, StepOperation | ResolveReviewOperation>;

export function isStepOperation(op: Operation): op is StepOperation {
  return 'stepId' in op;
}
