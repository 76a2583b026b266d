import { useEffect } from 'react';
import { useUi } from '../state/uiStore';
import { idleTimeoutMs, isIdle } from './idle';
import { saveSession } from './sessionPersistence';

const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Watches for activity while someone is signed in and locks the station after the timeout.
 * Activity is written to the store at most every few seconds: a scanner typing fast must not
 * re-render the screen for every character.
 */
export function useIdleLock(): void {
  const user = useUi((s) => s.session.user);
  useEffect(() => {
    if (!user) return undefined;
    let last = useUi.getState().session.lastActivityAt;
    const onActivity = () => {
      if (useUi.getState().session.locked) return;
      const now = Date.now();
      if (now - last < 5_000) return;
      last = now;
      useUi.getState().touch(now);
      saveSession({ userId: user.id, lastActivityAt: now });
    };
    const check = () => {
      const { session } = useUi.getState();
      if (!session.locked && isIdle(session.lastActivityAt, Date.now(), idleTimeoutMs)) useUi.getState().lock();
    };
    for (const e of activityEvents) window.addEventListener(e, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(check, 5_000);
    return () => {
      for (const e of activityEvents) window.removeEventListener(e, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [user]);
}
