import { create } from 'zustand';
import { createAbomSlice, initialAbomState, type AbomSlice } from './abomSlice';
import { createDialogsSlice, initialDialogsState, type DialogsSlice } from './dialogsSlice';
import { createNoticesSlice, initialNoticesState, type NoticesSlice } from './noticesSlice';
import { createRunsViewSlice, initialRunsViewState, type RunsViewSlice } from './runsViewSlice';
import { createSelectionSlice, initialSelectionState, type SelectionSlice } from './selectionSlice';
import { createSessionSlice, initialSessionState, type SessionSlice } from './sessionSlice';

/** The station's UI state: who is signed in, what is selected, which dialog is open, the table's view. */
export type UiState = SessionSlice & SelectionSlice & RunsViewSlice & DialogsSlice & NoticesSlice & AbomSlice;

export const useUi = create<UiState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createSelectionSlice(...a),
  ...createRunsViewSlice(...a),
  ...createDialogsSlice(...a),
  ...createNoticesSlice(...a),
  ...createAbomSlice(...a),
}));

/** Every slice back to its initial state (tests, and signing out). */
export function resetUi(): void {
  useUi.setState({
    ...initialSessionState,
    ...initialSelectionState,
    ...initialRunsViewState,
    ...initialDialogsState,
    ...initialNoticesState,
    ...initialAbomState,
  });
}
