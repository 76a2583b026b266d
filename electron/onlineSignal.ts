import type { OnlineSignal, Timers } from '../shared/sync/worker';

export interface OnlineSignalDeps {
  /** Electron's net.isOnline(): false when the computer has no network connection at all. */
  isOnline: () => boolean;
  timers: Timers;
  /** Electron's main process has no online/offline events: the signal polls this often. */
  pollMs?: number;
  /**
   * Moments after which the network is likely to have changed (powerMonitor 'resume',
   * 'unlock-screen'): checked at once instead of waiting for the next poll.
   */
  wake?: (listener: () => void) => () => void;
}

export interface PolledOnlineSignal extends OnlineSignal {
  /** Stops polling and forgets every listener (app quit). */
  dispose(): void;
}

/**
 * The sync worker's online signal from Electron. `net.isOnline()` only knows whether there is a
 * network, not whether the server answers: the worker's own retries cover the rest. Polling runs
 * only while someone listens, and reports changes, not every poll.
 */
export function createOnlineSignal(deps: OnlineSignalDeps): PolledOnlineSignal {
  const pollMs = deps.pollMs ?? 5_000;
  const listeners = new Set<(online: boolean) => void>();
  let last = deps.isOnline();
  let timer: unknown = null;
  let stopWake: (() => void) | null = null;

  const check = () => {
    const now = deps.isOnline();
    if (now === last) return;
    last = now;
    for (const listener of [...listeners]) listener(now);
  };
  const schedule = () => {
    timer = deps.timers.setTimeout(() => {
      timer = null;
      check();
      if (listeners.size > 0) schedule();
    }, pollMs);
  };
  const stop = () => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    stopWake?.();
    stopWake = null;
  };

  return {
    // A fresh answer, without touching `last`: a change the worker sees here first is still
    // reported to the listeners at the next poll, so no transition is swallowed.
    current: () => deps.isOnline(),
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        last = deps.isOnline();
        schedule();
        stopWake = deps.wake?.(check) ?? null;
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    dispose() {
      listeners.clear();
      stop();
    },
  };
}
