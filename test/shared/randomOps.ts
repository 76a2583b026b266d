import * as fc from 'fast-check';
import type { EngineState } from '../../shared/engine/state';
import { Operation, type OperationKind } from '../../shared/schemas/operation';
import type { FieldValue } from '../../shared/schemas/procedure';
import type { RunStep } from '../../shared/schemas/run';
import { T0, users } from './fixtures';

/**
 * Random operations built the way stations build them: from a view of the plant (maybe stale),
 * by a person of some role. Shared by the engine's property tests and the sync simulation.
 */

export const KINDS: OperationKind[] = [
  'start', 'signOff', 'signOff', 'signOff', 'skip', 'fail', 'reopen', 'hold', 'release', 'enterFields',
  'redlineOpen', 'redlineEdit', 'redlineFinish', 'redlineCancel', 'createBatch', 'createBatch', 'addRunsToBatch',
  'removeRunFromBatch', 'renameBatch', 'unbatchAll', 'addBuildRequirement', 'applyBuildRequirementToBatch', 'recordInstall',
  'resolveReview', 'resolveReview',
];

export const commandArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  run: fc.nat(),
  other: fc.nat(),
  step: fc.nat(),
  actor: fc.constantFrom(users.tech, users.sup, users.eng, users.admin, users.admin),
  value: fc.integer({ min: -1, max: 11 }),
  /** How many operations behind the plant the author's view is (0: online). */
  lag: fc.constantFrom(0, 0, 0, 1, 3),
});
export type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

function valueFor(step: RunStep, cmd: Command): Record<string, FieldValue> {
  return Object.fromEntries(step.fields.map((f) => [f.id, f.kind === 'number' ? cmd.value : true]));
}

/** Builds the operation a station would send for this command, from its (maybe stale) view. */
export function build(view: EngineState, cmd: Command, index: number): Operation {
  const runs = [...view.runs.values()];
  const run = runs[cmd.run % runs.length];
  const other = runs[cmd.other % runs.length];
  if (!run || !other) throw new Error('no runs');
  const stepId = run.stepIds[cmd.step % run.stepIds.length] ?? '';
  const step = view.steps.get(stepId);
  if (!step) throw new Error('no step');
  const batch = run.batchId === null ? undefined : view.batches.get(run.batchId);
  const envelope = {
    id: `op-${String(index)}`,
    stationId: `ST-${String(cmd.lag)}`,
    actorId: cmd.actor.id,
    at: new Date(T0 + index * 1000).toISOString(),
  };
  const target = {
    ...envelope,
    runId: run.id,
    stepId,
    seen: { stepVersion: step.version, batchId: batch?.id ?? null, batchMembers: batch ? [...batch.memberRunIds] : [] },
  };
  const requirement = step.buildRequirements[0];
  const reviews = [...view.reviews.values()];
  const review = reviews[cmd.other % Math.max(1, reviews.length)];
  const batchId = `B-${String(cmd.value % 3)}`;
  const ops: Record<OperationKind, () => Operation> = {
    start: () => ({ ...target, kind: 'start' }),
    signOff: () => ({ ...target, kind: 'signOff', meaning: 'performed', fieldValues: valueFor(step, cmd) }),
    skip: () => ({ ...target, kind: 'skip', reason: 'not needed' }),
    fail: () => ({ ...target, kind: 'fail', reason: 'broken' }),
    reopen: () => ({ ...target, kind: 'reopen', reason: 'redo' }),
    hold: () => ({ ...target, kind: 'hold', reason: 'wait' }),
    release: () => ({ ...target, kind: 'release' }),
    enterFields: () => ({ ...target, kind: 'enterFields', values: valueFor(step, cmd) }),
    redlineOpen: () => ({ ...target, kind: 'redlineOpen', reason: 'fix' }),
    redlineEdit: () => ({
      ...target,
      kind: 'redlineEdit',
      changes: cmd.value % 2 === 0 ? { title: `Title ${String(cmd.value)}` } : { fields: step.fields.slice(1) },
    }),
    redlineFinish: () => ({ ...target, kind: 'redlineFinish' }),
    redlineCancel: () => ({ ...target, kind: 'redlineCancel' }),
    createBatch: () => ({ ...envelope, kind: 'createBatch', batchId, title: null, runIds: run.id === other.id ? [run.id, ...runs.filter((r) => r.id !== run.id).slice(0, 1).map((r) => r.id)] : [run.id, other.id] }),
    addRunsToBatch: () => ({ ...envelope, kind: 'addRunsToBatch', batchId: other.batchId ?? batchId, runIds: [run.id] }),
    removeRunFromBatch: () => ({ ...envelope, kind: 'removeRunFromBatch', batchId: run.batchId ?? batchId, runId: run.id }),
    renameBatch: () => ({ ...envelope, kind: 'renameBatch', batchId: run.batchId ?? batchId, title: cmd.value > 5 ? `T${String(cmd.value)}` : '' }),
    unbatchAll: () => ({ ...envelope, kind: 'unbatchAll', batchId: run.batchId ?? batchId }),
    addBuildRequirement: () => ({ ...target, kind: 'addBuildRequirement', requirement: { partNumber: 'EXTRA', quantity: 1, tracking: 'none' } }),
    applyBuildRequirementToBatch: () => ({ ...target, kind: 'applyBuildRequirementToBatch', requirementId: requirement?.id ?? 'none' }),
    resolveReview: () => ({
      ...envelope,
      kind: 'resolveReview',
      reviewId: review?.id ?? 'op-none~R-none',
      action: (['applyToRun', 'acceptServer', 'reopen'] as const)[Math.abs(cmd.value) % 3] ?? 'acceptServer',
      reason: 'decided',
    }),
    recordInstall: () => ({
      ...target,
      kind: 'recordInstall',
      requirementId: requirement?.id ?? 'none',
      serial: requirement?.tracking === 'serial' ? `S-${String(index)}` : null,
      lot: null,
      quantity: 1,
    }),
  };
  return Operation.parse(ops[cmd.kind]());
}

