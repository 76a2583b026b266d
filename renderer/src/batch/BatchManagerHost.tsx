import { useShallow } from 'zustand/react/shallow';
import { useUi } from '../state/uiStore';
import { BatchManagerDialog } from './BatchManagerDialog';

/** Shows the batch manager while the dialogs slice has it open. */
export function BatchManagerHost() {
  const { opened, close } = useUi(useShallow((s) => ({ opened: s.dialogs.batchManager, close: s.closeBatchManager })));
  if (!opened) return null;
  return <BatchManagerDialog key={`${opened.batchId}:${opened.runId}`} opened={opened} onClose={close} />;
}
