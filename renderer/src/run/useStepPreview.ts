import { useEffect, useState } from 'react';
import type { Seen, StepOperation } from '../../../shared/schemas/operation';
import type { Outcome } from '../../../shared/schemas/outcome';
import type { RunStep } from '../../../shared/schemas/run';
import { useAuthor } from '../actions/useAuthor';
import { useStation } from '../boot/StationContext';
import type { StepDialogKind } from '../state/dialogsSlice';
import { buildStepOp, type RedlineChanges } from './stepOps';
import { usePreview } from './usePreview';

/**
 * The engine's preview of a step action as the dialog opens (and again whenever the step or its
 * batch moves), with what the person sees of them (`seen`), as the confirmed operation will carry:
 * the reason and meaning do not change what propagates, so placeholders stand in for them.
 */
export function useStepPreview(kind: StepDialogKind, step: RunStep, seen: Seen, changes: RedlineChanges | undefined): Outcome | null {
  const { db } = useStation();
  const author = useAuthor();
  const [op, setOp] = useState<StepOperation | null>(null);
  const { stationId, actorId } = author;
  useEffect(() => {
    let live = true;
    void buildStepOp(db, { stationId, actorId }, kind, step, { reason: 'Preview', meaning: 'performed', changes: changes ?? { instructions: step.instructions } }, seen).then((built) => {
      if (live) setOp(built);
    });
    return () => {
      live = false;
    };
  }, [db, stationId, actorId, kind, step, seen, changes]);
  return usePreview(op);
}
