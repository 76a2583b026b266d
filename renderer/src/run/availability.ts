import { Draft } from '../../../shared/engine/draft';
import { stateFrom } from '../../../shared/engine/state';
import { availability, childrenDone } from '../../../shared/engine/stepChecks';
import type { Run, RunStep } from '../../../shared/schemas/run';

/** Why each to-do step cannot start yet (null when it can), by the engine's own rule. */
export function unavailableReasons(run: Run, steps: readonly RunStep[]): ReadonlyMap<string, string | null> {
  const draft = new Draft(stateFrom({ runs: [run], steps }));
  return new Map(steps.map((s) => [s.id, s.state === 'todo' ? (availability(draft, s)?.reason ?? null) : null]));
}

/** Why a section cannot be signed off yet: one of its child steps is still open. */
export function openChildren(run: Run, steps: readonly RunStep[]): ReadonlyMap<string, string | null> {
  const draft = new Draft(stateFrom({ runs: [run], steps }));
  return new Map(steps.map((s) => [s.id, childrenDone(draft, s)?.reason ?? null]));
}
