/**
 * The signed-in person survives a reload of this window (sessionStorage: gone when the window
 * closes), with the time of their last activity, so the inactivity lock still applies.
 */
const key = 'lockstep.session';

export interface SavedSession {
  userId: string;
  lastActivityAt: number;
}

export function saveSession(session: SavedSession | null): void {
  if (session === null) sessionStorage.removeItem(key);
  else sessionStorage.setItem(key, JSON.stringify(session));
}

export function loadSession(): SavedSession | null {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { userId, lastActivityAt } = parsed as Record<string, unknown>;
    return typeof userId === 'string' && typeof lastActivityAt === 'number' ? { userId, lastActivityAt } : null;
  } catch {
    return null;
  }
}
