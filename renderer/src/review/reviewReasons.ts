import type { Review } from '../../../shared/schemas/review';

/**
 * Run step id → why a supervisor must decide on it: the open review items (from any station, as
 * the server's feed brought them here) that name a step of the given runs.
 */
export function reviewReasons(reviews: readonly Review[], runIds: ReadonlySet<string>): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const r of reviews) {
    if (r.resolution === null && r.stepId !== null && runIds.has(r.runId)) reasons.set(r.stepId, r.reason);
  }
  return reasons;
}
