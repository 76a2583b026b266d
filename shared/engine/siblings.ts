import type { Run, RunStep } from '../schemas/run';
import type { Draft } from './draft';

/**
 * Two run steps are siblings when they come from the same procedure step, share their redline
 * lineage (a step redlined in one run only is no longer the same step) and sit at the same place
 * in the hierarchy (brief, "Batching 2.0").
 */
export function siblingKey(step: Pick<RunStep, 'originStepId' | 'lineage' | 'parentOriginStepId'>): string {
  return JSON.stringify([step.originStepId, step.lineage, step.parentOriginStepId]);
}

export function areSiblings(a: RunStep, b: RunStep): boolean {
  return a.runId !== b.runId && siblingKey(a) === siblingKey(b);
}

/** The sibling of `step` in `other`, if `other` has one. */
export function findSibling(draft: Draft, step: RunStep, other: Run): RunStep | undefined {
  const candidate = draft.stepByOrigin(other, step.originStepId);
  return candidate && areSiblings(step, candidate) ? candidate : undefined;
}

/** How many steps of `a` have a sibling in `b`. */
export function sharedStepCount(draft: Draft, a: Run, b: Run): number {
  const keys = new Set(draft.stepsOf(b).map(siblingKey));
  return draft.stepsOf(a).filter((s) => keys.has(siblingKey(s))).length;
}
