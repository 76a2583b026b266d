import type { StateCreator } from 'zustand';
import type { UiState } from './uiStore';

/** "Added {part} to this run only.": the part line just added to a batched run, until applied or dismissed. */
export interface AddedPartNotice {
  runId: string;
  stepId: string;
  requirementId: string;
  partNumber: string;
}

export interface AbomSlice {
  addedPart: AddedPartNotice | null;
  showAddedPart: (notice: AddedPartNotice) => void;
  dismissAddedPart: () => void;
}

export const initialAbomState: Pick<AbomSlice, 'addedPart'> = { addedPart: null };

export const createAbomSlice: StateCreator<UiState, [], [], AbomSlice> = (set) => ({
  ...initialAbomState,
  showAddedPart: (addedPart) => { set({ addedPart }); },
  dismissAddedPart: () => { set({ addedPart: null }); },
});

export const selectAddedPart = (s: UiState): AddedPartNotice | null => s.addedPart;
