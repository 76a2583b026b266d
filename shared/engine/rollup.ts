import type { RunStatus, StepState } from '../schemas/run';

export interface RunProgress {
  status: RunStatus;
  stepsDone: number;
  stepsTotal: number;
}

/** Active states in precedence order: the first one any step is in names the run. */
const precedence = ['failed', 'redline', 'hold', 'in_progress'] as const satisfies readonly StepState[];

/**
 * A run has no state of its own: its status rolls up from its steps.
 * Precedence failed > redline > hold > in_progress; then all complete → complete, all skipped →
 * skipped, complete and skipped only → partially complete. A run with some steps done and some
 * still to do is in progress (the brief leaves this case open; "todo" would hide started work).
 */
export function rollUp(states: readonly StepState[]): RunProgress {
  const counts = new Map<StepState, number>();
  for (const s of states) counts.set(s, (counts.get(s) ?? 0) + 1);
  const complete = counts.get('complete') ?? 0;
  const skipped = counts.get('skipped') ?? 0;
  const total = states.length;
  const done = complete + skipped;
  return { status: statusOf(counts, complete, skipped, total), stepsDone: done, stepsTotal: total };
}

function statusOf(counts: ReadonlyMap<StepState, number>, complete: number, skipped: number, total: number): RunStatus {
  const active = precedence.find((s) => (counts.get(s) ?? 0) > 0);
  if (active) return active;
  const done = complete + skipped;
  if (total === 0 || done === 0) return 'todo';
  if (done < total) return 'in_progress';
  if (complete === total) return 'complete';
  if (skipped === total) return 'skipped';
  return 'partially_complete';
}
