import * as z from 'zod';
import { Id, Instant } from './common';
import { BuildRequirement, FieldDef, FieldValue } from './procedure';
import { RoleName } from './users';

export const StepState = z.enum(['todo', 'in_progress', 'hold', 'redline', 'complete', 'failed', 'skipped']);
export type StepState = z.infer<typeof StepState>;

export const RunStatus = z.enum([
  'todo',
  'in_progress',
  'hold',
  'redline',
  'failed',
  'complete',
  'partially_complete',
  'skipped',
]);
export type RunStatus = z.infer<typeof RunStatus>;

/** The editable content of a step: what a redline may change. */
export const StepContent = z.object({
  title: z.string().trim().min(1).max(200),
  instructions: z.string().max(20_000),
  fields: z.array(FieldDef).max(100),
});
export type StepContent = z.infer<typeof StepContent>;

export const RedlineDraft = z.object({
  /** The operation that opened the redline: siblings in the same redline share it. */
  operationId: Id,
  openedBy: Id,
  openedByName: z.string(),
  openedAt: Instant,
  reason: z.string(),
  /** The state the step returns to if the redline is cancelled. */
  restoreState: StepState,
  draft: StepContent,
  /** The step version right after the draft last changed: an edit made without seeing it needs review. */
  revisedAtVersion: z.number().int().nonnegative(),
});
export type RedlineDraft = z.infer<typeof RedlineDraft>;

export const Install = z.object({
  id: Id,
  requirementId: Id,
  serial: z.string().nullable(),
  lot: z.string().nullable(),
  quantity: z.number().int().positive(),
  installedBy: Id,
  installedAt: Instant,
  stationId: Id,
});
export type Install = z.infer<typeof Install>;

/** Who completed the step: enough to say "already completed by X at T" without reading signatures. */
export const Completion = z.object({
  signatureId: Id,
  signerName: z.string(),
  signedAt: Instant,
});
export type Completion = z.infer<typeof Completion>;

export const RunStep = z.object({
  id: Id,
  runId: Id,
  originStepId: Id,
  parentOriginStepId: Id.nullable(),
  number: z.string(),
  position: z.number().int().nonnegative(),
  title: z.string(),
  instructions: z.string(),
  fields: z.array(FieldDef),
  /** Run step ids of upstream steps. */
  dependsOn: z.array(Id),
  signoffRole: RoleName,
  buildRequirements: z.array(BuildRequirement),
  installs: z.array(Install),
  state: StepState,
  /** Where "release" returns a held step to. */
  heldFrom: StepState.nullable(),
  /** Redline lineage: siblings must share it; a redline finished on a subset of siblings forks it. */
  lineage: z.string(),
  /** Bumped on every change; operations carry the version their author saw. */
  version: z.number().int().nonnegative(),
  fieldValues: z.record(z.string(), FieldValue),
  redline: RedlineDraft.nullable(),
  completion: Completion.nullable(),
  /** The reason given with the last skip, fail, hold or reopen. */
  lastReason: z.string().nullable(),
  updatedAt: Instant,
});
export type RunStep = z.infer<typeof RunStep>;

export const Run = z.object({
  id: Id,
  title: z.string(),
  unitSerial: z.string(),
  procedureVersionId: Id,
  /** The run's steps in procedure order: fixed when the run starts. */
  stepIds: z.array(Id),
  /** Mirror of the batch's membership list, for filtering the runs table; the engine keeps both in step. */
  batchId: Id.nullable(),
  /** Rolled up from the steps; stored so the runs table can sort and filter without reading steps. */
  status: RunStatus,
  stepsDone: z.number().int().nonnegative(),
  stepsTotal: z.number().int().nonnegative(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Run = z.infer<typeof Run>;
