import { useShallow } from 'zustand/react/shallow';
import { useUi } from '../state/uiStore';
import { StepActionDialog } from './ReasonDialog';
import { SignOffDialog } from './SignOffDialog';
import type { RunData } from './useRunData';

/** The one step dialog open at a time, from the dialogs slice. */
export function StepDialogHost({ data }: { data: RunData }) {
  const { dialog, close } = useUi(useShallow((s) => ({ dialog: s.dialogs.step, close: s.closeStepDialog })));
  if (!dialog || dialog.runId !== data.run.id) return null;
  const step = data.steps.find((s) => s.id === dialog.stepId);
  if (!step) return null;
  const batched = data.batch !== undefined;
  if (dialog.kind === 'signOff') return <SignOffDialog step={step} batched={batched} onClose={close} />;
  return <StepActionDialog kind={dialog.kind} step={step} batched={batched} changes={dialog.changes} onClose={close} />;
}
