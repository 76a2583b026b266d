import { useCallback } from 'react';
import { useUi } from '../state/uiStore';
import { saveSession } from './sessionPersistence';

/**
 * Signing out leaves nothing of the last person's work open for the next: selection, dialogs and
 * the part-install bar are cleared (the table's view stays: it belongs to the station).
 */
export function useSignOut(): () => void {
  return useCallback(() => {
    const s = useUi.getState();
    saveSession(null);
    s.clearSelection();
    s.closeStepDialog();
    s.closeBatchManager();
    s.dismissAddedPart();
    s.signOut();
  }, []);
}
