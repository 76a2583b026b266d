import { useEffect, useState } from 'react';
import type { StepOperation } from '../../../shared/schemas/operation';
import type { Outcome } from '../../../shared/schemas/outcome';
import type { RunStep } from '../../../shared/schemas/run';
import { useAuthor } from '../actions/useAuthor';
import { useStation } from '../boot/StationContext';
import type { StepDialogKind } from '../state/dialogsSlice';
import { buildStepOp, type RedlineChanges } from './stepOps';
import { usePreview } from './usePreview';

/**
 * The engine's preview of a step action as the dialog opens (and again whenever the step moves):
 * the reason and meaning do not change what propagates, so placeholders stand in for them.
 */
export function useStepPreview(kind: StepDialogKind, step: RunStep, changes: RedlineChanges | undefined): Outcome | null {
  const { db } = useStation();
  const author = useAuthor();
  const [op, setOp] = useState<StepOperation | null>(null);
  const { stationId, actorId } = author;
  useEffect(() => {
    let live = true;
    void buildStepOp(db, { stationId, actorId }, kind, step, { reason: 'Preview', meaning: 'performed', changes: changes ?? { instructions: step.instructions } }).then((built) => {
      if (live) setOp(built);
    });
    return () => {
      live = false;
    };
  }, [db, stationId, actorId, kind, step, changes]);
  return usePreview(op);
}
