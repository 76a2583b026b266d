import { createHttpTransport } from '../../../shared/sync/httpTransport';
import { ToWorkerSchema } from '../../../shared/sync/messageSchemas';
import type { FromWorker } from '../../../shared/sync/messages';
import { SyncWorker } from '../../../shared/sync/worker';
import { NetworkChanged, WorkerInit } from './workerInit';

/**
 * The browser host's sync worker: the same SyncWorker class Electron runs in its main process,
 * here in a Web Worker so the page stays responsive. The network is the browser's fetch; online
 * and offline come from the worker's own events.
 */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  navigator: { onLine: boolean };
}
const scope = self as unknown as WorkerScope;

let worker: SyncWorker | null = null;
const onlineListeners = new Set<(online: boolean) => void>();
let lastOnline = scope.navigator.onLine;
function onlineNow(online: boolean): void {
  if (online === lastOnline) return;
  lastOnline = online;
  for (const l of onlineListeners) l(online);
}
scope.addEventListener('online', () => {
  onlineNow(true);
});
scope.addEventListener('offline', () => {
  onlineNow(false);
});
// A worker's navigator.onLine follows the network, but Chromium does not always fire the
// worker's "online" and "offline" events (seen with DevTools' offline emulation), which would
// leave the station showing offline until its periodic pull. A cheap check catches it; and an
// offline reading by the worker itself counts as seen, so a short outage that only the worker
// noticed still ends with an "online" signal.
function readOnline(): boolean {
  const online = scope.navigator.onLine;
  if (!online) lastOnline = false;
  return online;
}
const onlinePollMs = 2_000;
setInterval(() => {
  onlineNow(scope.navigator.onLine);
}, onlinePollMs);

scope.addEventListener('message', ({ data }) => {
  if (NetworkChanged.safeParse(data).success) {
    onlineNow(scope.navigator.onLine);
    return;
  }
  const init = WorkerInit.safeParse(data);
  if (init.success) {
    worker?.receive({ type: 'stop' });
    worker = new SyncWorker({
      transport: createHttpTransport({
        baseUrl: init.data.serverUrl,
        token: () => init.data.token,
        fetch: (url, request) => fetch(url, request),
        utf8Decoder: () => {
          const decoder = new TextDecoder();
          return (bytes) => decoder.decode(bytes, { stream: true });
        },
      }),
      now: () => Date.now(),
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => { clearTimeout(handle as number); } },
      random: Math.random,
      online: {
        current: readOnline,
        subscribe: (listener) => {
          onlineListeners.add(listener);
          return () => onlineListeners.delete(listener);
        },
      },
      send: (message) => {
        scope.postMessage(message);
      },
    });
    return;
  }
  const message = ToWorkerSchema.safeParse(data);
  if (message.success) worker?.receive(message.data);
});
