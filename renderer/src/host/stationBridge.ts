import type { StationBridge } from '../../../shared/bridge/contract';
import { servedByMeta } from '../../../shared/protocol/paths';
import { createBrowserBridge } from './browserBridge';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in a plain browser. */
    station?: StationBridge;
  }
}

let browserBridge: StationBridge | null = null;

/**
 * The host this renderer runs in: Electron's preload bridge when there is one, otherwise the
 * browser's own (a Web Worker syncs, one tab per station). Either way the same contract.
 */
export function stationBridge(): StationBridge {
  if (window.station) return window.station;
  browserBridge ??= createBrowserBridge({
    dbName: 'lockstep',
    storage: localStorage,
    startWorker: () => new Worker(new URL('./syncWorker.worker.ts', import.meta.url), { type: 'module' }),
  });
  return browserBridge;
}

/**
 * Whether this page was served by a Lockstep server (npm start, a plant server with --station),
 * which marks the page it serves: then an unenrolled station offers to connect to it; otherwise
 * it starts on its demo plant.
 */
export function servedByLockstepServer(): boolean {
  return document.querySelector(`meta[name="${servedByMeta}"]`) !== null;
}
