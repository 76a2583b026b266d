import { EnrolInput, type BridgeResult, type StationBridge, type StationConfig } from '../../../shared/bridge/contract';
import { ErrorBody } from '../../../shared/protocol/errors';
import { EnrolResponse, SignInResponse } from '../../../shared/protocol/identity';
import { apiPaths } from '../../../shared/protocol/paths';
import type { FromWorker, ToWorker } from '../../../shared/sync/messages';
import { readStation, writeStation, type StoredStation } from './browserStationConfig';
import { isSafeExternalUrl } from './externalUrl';
import type { WorkerInit } from './workerInit';

export interface BrowserBridgeOptions {
  dbName: string;
  storage: Storage;
  /** Starts the sync worker (a Web Worker in the page; injectable for tests). */
  startWorker: () => { postMessage(message: ToWorker | WorkerInit): void; onmessage: ((event: MessageEvent<FromWorker>) => void) | null; terminate(): void };
}

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
        const { serverUrl, code, name } = parsed.data;
        const base = serverUrl.replace(/\/+$/, '');
        let response: Response;
        try {
          response = await fetch(`${base}${apiPaths.enrol}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code, name }),
          });
        } catch {
          return { ok: false, error: { code: 'network', message: `The server at ${base} cannot be reached` } };
        }
        const body: unknown = await response.json().catch(() => null);
        const enrolled = EnrolResponse.safeParse(body);
        if (!response.ok || !enrolled.success) {
          const error = ErrorBody.safeParse(body);
          return { ok: false, error: error.success ? error.data.error : { code: `http_${String(response.status)}`, message: 'The server refused the enrolment' } };
        }
        const station: StoredStation = { serverUrl: base, stationId: enrolled.data.stationId, stationName: name, token: enrolled.data.token };
        writeStation(options.storage, options.dbName, station);
        if (leader) startSyncing(station);
        return { ok: true, value: publicPart(station) };
      },
      async signIn(input): Promise<BridgeResult<SignInResponse>> {
        const station = readStation(options.storage, options.dbName);
        if (!station) return { ok: false, error: { code: 'not_enrolled', message: 'This station is not enrolled with a server yet' } };
        let response: Response;
        try {
          response = await fetch(`${station.serverUrl}${apiPaths.sessions}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${station.token}` },
            body: JSON.stringify(input),
          });
        } catch {
          return { ok: false, error: { code: 'server_unreachable', message: 'The server cannot be reached' } };
        }
        const body: unknown = await response.json().catch(() => null);
        if (response.ok) {
          const parsed = SignInResponse.safeParse(body);
          return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { code: 'bad_response', message: 'The server sent a sign-in answer this station cannot read' } };
        }
        const error = ErrorBody.safeParse(body);
        if (error.success) return { ok: false, error: error.data.error };
        return { ok: false, error: { code: response.status >= 500 ? 'server_unreachable' : `http_${String(response.status)}`, message: `The server answered ${String(response.status)}` } };
      },
    },
    shell: {
      openExternal(url) {
        if (!isSafeExternalUrl(url)) return Promise.resolve({ ok: false, error: { code: 'refused', message: 'Only web and mail links can be opened' } });
        window.open(url, '_blank', 'noopener,noreferrer');
        return Promise.resolve({ ok: true, value: null });
      },
    },
  };
}
