import type { StateCreator } from 'zustand';
import type { UiState } from './uiStore';

export interface RunSelection {
  ids: ReadonlySet<string>;
  /** Where a Shift+click range starts. */
  anchorId: string | null;
}

export interface SelectionSlice {
  selection: RunSelection;
  /** The row the keyboard is on in the runs grid. */
  activeRunId: string | null;
  setSelection: (selection: RunSelection) => void;
  clearSelection: () => void;
  setActiveRun: (id: string | null) => void;
}

export const initialSelectionState: Pick<SelectionSlice, 'selection' | 'activeRunId'> = {
  selection: { ids: new Set(), anchorId: null },
  activeRunId: null,
};

export const createSelectionSlice: StateCreator<UiState, [], [], SelectionSlice> = (set) => ({
  ...initialSelectionState,
  setSelection: (selection) => { set({ selection }); },
  clearSelection: () => { set({ selection: initialSelectionState.selection }); },
  setActiveRun: (activeRunId) => { set({ activeRunId }); },
});

export const selectSelectedIds = (s: UiState): ReadonlySet<string> => s.selection.ids;
export const selectSelectedCount = (s: UiState): number => s.selection.ids.size;
