import type { StateCreator } from 'zustand';
import type { UiState } from './uiStore';

export interface Notice {
  id: number;
  tone: 'done' | 'refused' | 'info';
  text: string;
  /** Lines under the text: the runs a change left out and why. */
  details: readonly string[];
}

export interface NoticesSlice {
  notices: readonly Notice[];
  nextNoticeId: number;
  notify: (notice: Omit<Notice, 'id' | 'details'> & { details?: readonly string[] }) => void;
  dismissNotice: (id: number) => void;
}

/** Only the latest few stay on screen: older ones are in the audit trail. */
const keep = 4;

export const initialNoticesState: Pick<NoticesSlice, 'notices' | 'nextNoticeId'> = { notices: [], nextNoticeId: 1 };

export const createNoticesSlice: StateCreator<UiState, [], [], NoticesSlice> = (set) => ({
  ...initialNoticesState,
  notify: (notice) => { set((s) => ({
      notices: [...s.notices, { details: [], ...notice, id: s.nextNoticeId }].slice(-keep),
      nextNoticeId: s.nextNoticeId + 1,
    })); },
  dismissNotice: (id) => { set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })); },
});

export const selectNotices = (s: UiState): readonly Notice[] => s.notices;
