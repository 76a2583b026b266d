import type { StateCreator } from 'zustand';
import type { FieldDef } from '../../../shared/schemas/procedure';
import type { UiState } from './uiStore';

/** A step action that needs a dialog: the e-signature, a reason, or a batch confirmation. */
export type StepDialogKind = 'signOff' | 'skip' | 'fail' | 'reopen' | 'hold' | 'redlineOpen' | 'start' | 'release' | 'redlineEdit' | 'redlineFinish' | 'redlineCancel';

export interface StepDialog {
  kind: StepDialogKind;
  runId: string;
  stepId: string;
  /** The redline edit to confirm, for 'redlineEdit'. */
  changes?: { title?: string; instructions?: string; fields?: FieldDef[] };
}

export interface BatchManagerDialog {
  /** The run the manager was opened from. */
  runId: string;
  /** The batch it was opened for, kept to name it after the run has left. */
  batchId: string;
}

export interface DialogsSlice {
  dialogs: { step: StepDialog | null; batchManager: BatchManagerDialog | null };
  openStepDialog: (dialog: StepDialog) => void;
  closeStepDialog: () => void;
  openBatchManager: (dialog: BatchManagerDialog) => void;
  closeBatchManager: () => void;
}

export const initialDialogsState: Pick<DialogsSlice, 'dialogs'> = { dialogs: { step: null, batchManager: null } };

export const createDialogsSlice: StateCreator<UiState, [], [], DialogsSlice> = (set) => ({
  ...initialDialogsState,
  openStepDialog: (step) => { set((s) => ({ dialogs: { ...s.dialogs, step } })); },
  closeStepDialog: () => { set((s) => ({ dialogs: { ...s.dialogs, step: null } })); },
  openBatchManager: (batchManager) => { set((s) => ({ dialogs: { ...s.dialogs, batchManager } })); },
  closeBatchManager: () => { set((s) => ({ dialogs: { ...s.dialogs, batchManager: null } })); },
});

export const selectStepDialog = (s: UiState): StepDialog | null => s.dialogs.step;
export const selectBatchManager = (s: UiState): BatchManagerDialog | null => s.dialogs.batchManager;
