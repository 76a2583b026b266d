import type { OutcomeRow } from '../store/db';

/**
 * Run step id → why a supervisor must decide on it, from the server's verdicts on this station's
 * operations: a stale or concurrent change set aside, or a run left out that only a person can
 * settle. Only the given runs' steps, when runs are given.
 */
export function reviewReasons(outcomes: readonly OutcomeRow[], runIds?: ReadonlySet<string>): Map<string, string> {
  const within = (runId: string) => runIds === undefined || runIds.has(runId);
  const reasons = new Map<string, string>();
  for (const row of outcomes) {
    const { outcome, op } = row;
    if (outcome.status === 'needs_review' && op && 'stepId' in op && within(op.runId)) reasons.set(op.stepId, outcome.reason);
    if (outcome.status === 'applied_with_exclusions') {
      for (const e of outcome.excluded) if (e.review && e.stepId !== null && within(e.runId)) reasons.set(e.stepId, e.reason);
    }
  }
  return reasons;
}
