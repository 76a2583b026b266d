import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useUi } from '../state/uiStore';
import { seenOnScreen } from '../store/seen';
import { StepActionDialog } from './ReasonDialog';
import { SignOffDialog } from './SignOffDialog';
import type { RunData } from './useRunData';

/**
 * The one step dialog open at a time, from the dialogs slice. It hands the dialog what the person
 * sees of the step and its batch (`seen`), from the rows the run view read (not redrawn with a
 * commit of this station's: the dialog that saved it closes next, and the live query's read of
 * the same rows follows within milliseconds).
 */
export const StepDialogHost = memo(function StepDialogHost({ data }: { data: RunData }) {
  const { dialog, close } = useUi(useShallow((s) => ({ dialog: s.dialogs.step, close: s.closeStepDialog })));
  const step = dialog && dialog.runId === data.run.id ? data.steps.find((s) => s.id === dialog.stepId) : undefined;
  // Memoised: the preview asks the engine again whenever `seen` changes, so only a new step or batch row may change it.
  const seen = useMemo(() => (step ? seenOnScreen(step, data.batch) : undefined), [step, data.batch]);
  if (!dialog || !step || !seen) return null;
  const batched = data.batch !== undefined;
  if (dialog.kind === 'signOff') return <SignOffDialog step={step} seen={seen} batched={batched} onClose={close} />;
  return <StepActionDialog kind={dialog.kind} step={step} seen={seen} batched={batched} changes={dialog.changes} onClose={close} />;
});
