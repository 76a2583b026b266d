import type { PlantDriver } from './plantDriver';
import { actionsOf, type Worker } from './work';

/** The batch the demo's left-out review items come from. */
export const demoReviewBatch = { batchId: 'B-105', title: 'Kanban 712 rework' } as const;

/**
 * A few open review items, raised the way they arise on the floor, through the engine:
 * - two runs leave a batch while a technician's batched action, made offline before they left,
 *   is still on its way: each is left out of it for a supervisor (kind left_out);
 * - a technician fails a step on a screen that had not caught up: someone signed it off meanwhile
 *   (kind stale_step).
 * Untouched runs in no batch are used, so the known fixture runs stay as documented.
 */
export function raiseDemoReviews(plant: PlantDriver, worker: Worker, candidates: readonly string[]): void {
  const untouched = candidates.filter((id) => plant.run(id).batchId === null && plant.stepsOf(id).every((s) => s.state === 'todo'));
  const lead = untouched[0];
  const group = lead === undefined ? [] : untouched.filter((id) => plant.run(id).procedureVersionId === plant.run(lead).procedureVersionId).slice(0, 4);
  const [first, second, leaving, alsoLeaving] = group;
  if (first === undefined || second === undefined || leaving === undefined || alsoLeaving === undefined) {
    throw new Error('demo: not enough untouched runs for the review items');
  }
  plant.must(plant.batchOp('createBatch', 'u-chen', { ...demoReviewBatch, runIds: [...group] }));
  const [action] = actionsOf(plant.stepsOf(first));
  if (!action) throw new Error('demo: a run without steps');
  if (action.kind === 'complete') group.forEach((id) => { worker.prepare(id, action.origin); });
  const step = plant.step(first, action.origin);
  const offline =
    action.kind === 'start'
      ? plant.stepOp('start', first, action.origin, 'u-ben', {})
      : plant.stepOp('signOff', first, action.origin, worker.signer(step).actorId, { meaning: worker.signer(step).meaning, fieldValues: {} });
  for (const runId of [leaving, alsoLeaving]) plant.must(plant.batchOp('removeRunFromBatch', 'u-chen', { batchId: demoReviewBatch.batchId, runId }));
  plant.mustRaiseReview(offline);

  const done = candidates
    .filter((id) => !group.includes(id))
    .flatMap((id) => plant.stepsOf(id).filter((s) => s.state === 'complete' && s.parentOriginStepId !== null))
    .at(0);
  if (!done) throw new Error('demo: no completed step for the stale review item');
  const fail = plant.stepOp('fail', done.runId, done.originStepId, 'u-carla', { reason: 'Connector latch cracked on inspection' });
  plant.mustRaiseReview({ ...fail, seen: { ...fail.seen, stepVersion: Math.max(0, done.version - 1) } });
}
