import { EnrolInput, type BridgeResult, type StationBridge, type StationConfig } from '../../../shared/bridge/contract';
import { enrolWithServer, signInWithServer } from '../../../shared/bridge/serverCalls';
import type { FetchLike } from '../../../shared/sync/httpTransport';
import type { FromWorker, ToWorker } from '../../../shared/sync/messages';
import { readStation, writeStation, type StoredStation } from './browserStationConfig';
import { isSafeExternalUrl } from './externalUrl';
import type { NetworkChanged, WorkerInit } from './workerInit';

export interface BrowserBridgeOptions {
  dbName: string;
  storage: Storage;
  /** Starts the sync worker (a Web Worker in the page; injectable for tests). */
  startWorker: () => { postMessage(message: ToWorker | WorkerInit | NetworkChanged): void; onmessage: ((event: MessageEvent<FromWorker>) => void) | null; terminate(): void };
}

const browserFetch: FetchLike = (url, init) => fetch(url, init);

/** The renderer never sees the token. */
const publicPart = ({ serverUrl, stationId, stationName }: StoredStation): StationConfig => ({ serverUrl, stationId, stationName });

type Relay = { kind: 'enqueued'; message: ToWorker } | { kind: 'status'; message: FromWorker };

/**
 * The browser's implementation of `window.station`. Several tabs may open one station, but only
 * one syncs: the tab holding the Web Lock named after the station's database runs the worker;
 * the others hand it their new operations and get its status over a BroadcastChannel. When the
 * syncing tab closes, the next one takes the lock and asks its renderer for the outbox.
 */
export function createBrowserBridge(options: BrowserBridgeOptions): StationBridge {
  const listeners = new Set<(message: FromWorker) => void>();
  const channel = new BroadcastChannel(`lockstep-sync:${options.dbName}`);
  let worker: ReturnType<BrowserBridgeOptions['startWorker']> | null = null;
  let leader = false;

  const emit = (message: FromWorker) => {
    for (const listener of listeners) listener(message);
  };

  const startSyncing = (station: StoredStation) => {
    worker?.terminate();
    worker = options.startWorker();
    worker.onmessage = ({ data }) => {
      emit(data);
      if (data.type === 'status') channel.postMessage({ kind: 'status', message: data } satisfies Relay);
    };
    worker.postMessage({ type: 'init', serverUrl: station.serverUrl, token: station.token });
    // The renderer answers needOutbox with `start`: the whole outbox and its cursor.
    emit({ type: 'needOutbox' });
  };

  channel.onmessage = ({ data }: MessageEvent<Relay>) => {
    if (data.kind === 'enqueued' && leader) worker?.postMessage(data.message);
    if (data.kind === 'status' && !leader) emit(data.message);
  };

  // The page hears of the network before the worker may (see NetworkChanged).
  const networkChanged = () => {
    worker?.postMessage({ type: 'networkChanged' });
  };
  window.addEventListener('online', networkChanged);
  window.addEventListener('offline', networkChanged);

  void navigator.locks.request(`lockstep-sync:${options.dbName}`, () => {
    leader = true;
    const station = readStation(options.storage, options.dbName);
    if (station) startSyncing(station);
    // Held for the life of the page.
    return new Promise<never>(() => undefined);
  });

  return {
    host: 'browser',
    sync: {
      post(message) {
        if (leader) worker?.postMessage(message);
        else if (message.type === 'enqueued') channel.postMessage({ kind: 'enqueued', message } satisfies Relay);
      },
      onMessage(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    station: {
      config() {
        const stored = readStation(options.storage, options.dbName);
        return Promise.resolve(stored ? publicPart(stored) : null);
      },
      async enrol(input): Promise<BridgeResult<StationConfig>> {
        const parsed = EnrolInput.safeParse(input);
        if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: parsed.error.issues.map((i) => i.message).join('; ') } };
        const enrolled = await enrolWithServer(parsed.data, browserFetch, URL);
        if (!enrolled.ok) return enrolled;
        const { serverUrl, stationId, stationName, token } = enrolled.value;
        const station: StoredStation = { serverUrl, stationId, stationName, token };
        writeStation(options.storage, options.dbName, station);
        if (leader) startSyncing(station);
        return { ok: true, value: publicPart(station) };
      },
      signIn: (input) => signInWithServer(readStation(options.storage, options.dbName), input, browserFetch),
    },
    shell: {
      openExternal(url) {
        if (!isSafeExternalUrl(url)) return Promise.resolve({ ok: false, error: { code: 'refused', message: 'Only web and mail links can be opened' } });
        window.open(url, '_blank', 'noopener,noreferrer');
        return Promise.resolve({ ok: true, value: null });
      },
    },
    print: {
      toPdf() {
        // The browser's own dialog: its "Save as PDF" destination writes the file, and it says nothing back.
        window.print();
        return Promise.resolve({ ok: true, value: { savedTo: null } });
      },
    },
  };
}
