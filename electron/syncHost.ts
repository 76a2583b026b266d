import { channels, type FromWorker, type ToWorker } from '../shared/bridge/contract';
import { createHttpTransport, type FetchLike } from '../shared/sync/httpTransport';
import { SyncWorker, type OnlineSignal, type Timers } from '../shared/sync/worker';
import type { Log } from './log';

/** Where the worker's messages go: the station window's webContents. */
export interface RendererTarget {
  isDestroyed(): boolean;
  send(channel: string, message: FromWorker): void;
}

/** What the host needs to know about the enrolled station: where its server is and its key. */
export interface SyncStation {
  serverUrl: string;
  token: string;
}

export interface SyncHostDeps {
  /** Electron's net.fetch: Chromium's network stack and the system proxy settings. */
  fetch: FetchLike;
  timers: Timers;
  now: () => number;
  random: () => number;
  online: OnlineSignal;
  /** The window to talk to, or null while there is none. */
  target: () => RendererTarget | null;
  log: Log;
}

export interface SyncHost {
  /** Starts (or restarts, after enrolling again) the worker for this station; null stops it. */
  configure(station: SyncStation | null): void;
  /** A message from the renderer, already checked and parsed by the IPC router. */
  receive(message: ToWorker): void;
  /** Stops the worker (app quit). */
  stop(): void;
}

/**
 * Hosts the station's one SyncWorker in the main process: the worker owns the network and the
 * schedule, the renderer owns the database, and they speak the same messages as in a browser
 * Web Worker. Before enrolment there is no worker: the renderer is told so in a status it already
 * knows how to show.
 */
export function createSyncHost(deps: SyncHostDeps): SyncHost {
  let worker: SyncWorker | null = null;

  const send = (message: FromWorker) => {
    const target = deps.target();
    // A closed or reloading window simply misses the message: the renderer sends `start` when it
    // comes back, and the worker answers with a fresh status and pages from its cursor.
    if (target === null || target.isDestroyed()) return;
    target.send(channels.syncMessage, message);
  };

  const notEnrolled = (): FromWorker => ({
    type: 'status',
    status: {
      online: deps.online.current(),
      phase: 'stopped',
      waiting: 0,
      lastSyncAt: null,
      lastError: { code: 'not_enrolled', message: 'This station is not enrolled with a server yet', permanent: true },
      retryAt: null,
    },
  });

  return {
    configure(station) {
      worker?.receive({ type: 'stop' });
      worker = null;
      if (station === null) return;
      const token = station.token;
      worker = new SyncWorker({
        transport: createHttpTransport({ baseUrl: station.serverUrl, token: () => token, fetch: deps.fetch, utf8Decoder }),
        now: deps.now,
        timers: deps.timers,
        random: deps.random,
        online: deps.online,
        send,
      });
      // A worker starts with nothing: ask the renderer for its outbox and cursor (it answers
      // `start`). At app start the page is not loaded yet and sends `start` on its own.
      send({ type: 'needOutbox' });
    },
    receive(message) {
      if (worker === null) {
        if (message.type === 'start' || message.type === 'syncNow') send(notEnrolled());
        return;
      }
      worker.receive(message);
    },
    stop() {
      worker?.receive({ type: 'stop' });
      worker = null;
    },
  };
}

/** A streaming UTF-8 decoder per event stream (shared/ sees no platform globals, so it is passed in). */
function utf8Decoder(): (bytes: Uint8Array) => string {
  const decoder = new TextDecoder();
  return (bytes) => decoder.decode(bytes, { stream: true });
}
