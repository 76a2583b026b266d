import type { Exclusion, Outcome } from '../../../shared/schemas/outcome';
import { plural } from '../ui/format';

/** "R-1009: Install 1 more of MCU-STM32G4 first" — a sibling a change did not reach, and why. */
export function exclusionLine(e: Exclusion): string {
  return `${e.runId}: ${e.reason}${e.review ? ' (a supervisor decides)' : ''}`;
}

/** The line under a saved change that reached other runs of its batch. */
export function propagationText(outcome: Extract<Outcome, { status: 'applied' | 'applied_with_exclusions' }>): string | null {
  const n = outcome.propagatedTo.length;
  const left = outcome.status === 'applied_with_exclusions' ? outcome.excluded.length : 0;
  if (n === 0 && left === 0) return null;
  const reached = n > 0 ? `Also applied to ${plural(n, 'run')} in batch.` : 'Applied to this run only.';
  return left > 0 ? `${reached} ${plural(left, 'run')} left out:` : reached;
}
