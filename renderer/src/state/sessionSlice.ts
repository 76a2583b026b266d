import type { StateCreator } from 'zustand';
import type { User } from '../../../shared/schemas/users';
import type { UiState } from './uiStore';

export interface SessionState {
  /** Who is signed in at this station, or null. */
  user: User | null;
  /** Locked after inactivity: the same person needs their PIN again before anything else. */
  locked: boolean;
  lastActivityAt: number;
}

export interface SessionSlice {
  session: SessionState;
  signIn: (user: User, at: number) => void;
  signOut: () => void;
  lock: () => void;
  unlock: (at: number) => void;
  touch: (at: number) => void;
}

export const initialSessionState: Pick<SessionSlice, 'session'> = {
  session: { user: null, locked: false, lastActivityAt: 0 },
};

export const createSessionSlice: StateCreator<UiState, [], [], SessionSlice> = (set) => ({
  ...initialSessionState,
  signIn: (user, at) => { set({ session: { user, locked: false, lastActivityAt: at } }); },
  signOut: () => { set({ ...initialSessionState }); },
  lock: () => { set((s) => ({ session: { ...s.session, locked: true } })); },
  unlock: (at) => { set((s) => ({ session: { ...s.session, locked: false, lastActivityAt: at } })); },
  touch: (at) => { set((s) => ({ session: { ...s.session, lastActivityAt: at } })); },
});

export const selectUser = (s: UiState): User | null => s.session.user;
export const selectLocked = (s: UiState): boolean => s.session.locked;
