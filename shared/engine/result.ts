import type { Change } from '../schemas/change';
import type { Exclusion, Outcome, RejectionCode, StepRef } from '../schemas/outcome';

/** What applying one operation gives: its outcome, and the writes (a needs_review writes its review row; a rejection writes nothing). */
export interface ApplyResult {
  outcome: Outcome;
  changes: Change[];
}

export const rejected = (code: RejectionCode, reason: string): ApplyResult => ({
  outcome: { status: 'rejected', code, reason },
  changes: [],
});

export function applied(changes: Change[], propagatedTo: StepRef[], excluded: Exclusion[], note: string | null = null): ApplyResult {
  return {
    outcome:
      excluded.length > 0
        ? { status: 'applied_with_exclusions', note, propagatedTo, excluded }
        : { status: 'applied', note, propagatedTo },
    changes,
  };
}
