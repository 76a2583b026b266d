import { useEffect, useState } from 'react';
import type { Operation } from '../../../shared/schemas/operation';
import type { Outcome } from '../../../shared/schemas/outcome';
import { previewOperation } from '../actions/preview';
import { useStation } from '../boot/StationContext';

/** The engine's answer to an operation not yet made: null while it is worked out. */
export function usePreview(op: Operation | null): Outcome | null {
  const { db } = useStation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    setOutcome(null);
    if (!op) return undefined;
    let live = true;
    previewOperation(db, op).then(
      (o) => {
        if (live) setOutcome(o);
      },
      (error: unknown) => {
        if (live) setOutcome({ status: 'rejected', code: 'invalid_input', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [db, op]);
  return outcome;
}
