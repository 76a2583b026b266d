import type { StationDb } from '../store/db';
import { useUi } from '../state/uiStore';
import { isIdle } from './idle';
import { loadSession, saveSession } from './sessionPersistence';

/**
 * Puts back the person signed in before a reload of this window. If they were idle past the
 * timeout meanwhile, the station opens locked: their PIN is needed first.
 */
export async function restoreSession(db: StationDb): Promise<void> {
  const saved = loadSession();
  if (!saved) return;
  const user = await db.users.get(saved.userId);
  if (!user?.active) {
    saveSession(null);
    return;
  }
  useUi.getState().signIn(user, saved.lastActivityAt);
  if (isIdle(saved.lastActivityAt, Date.now())) useUi.getState().lock();
}
