import { channels } from '../shared/bridge/channels';
import type { BridgeResult, FromWorker, PrintRequest, SignInResponse, StationBridge, StationConfig } from '../shared/bridge/contract';

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  send(channel: string, payload: unknown): void;
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, message: FromWorker) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, message: FromWorker) => void): unknown;
}

/**
 * The object the preload exposes as `window.station`: one verb per contract entry, each bound to
 * its own channel constant. The page never gets ipcRenderer, an event object or a way to name a
 * channel. Main answers with BridgeResults and checks everything again; the casts below only
 * restate the contract main implements (bridgeHandlers.ts).
 */
export function createStationBridge(ipc: IpcRendererLike) {
  return {
    host: 'electron',
    sync: {
      post(message) {
        ipc.send(channels.syncPost, message);
      },
      onMessage(listener) {
        // The IPC event (with its sender and ports) stays in the preload: the page gets the message.
        const forward = (_event: unknown, message: FromWorker) => {
          listener(message);
        };
        ipc.on(channels.syncMessage, forward);
        return () => {
          ipc.removeListener(channels.syncMessage, forward);
        };
      },
    },
    station: {
      async config() {
        const result = (await ipc.invoke(channels.stationConfig)) as BridgeResult<StationConfig | null>;
        // The contract answers the config itself; a store main cannot read (a damaged file, a key
        // store that is gone) becomes a rejection the page shows, with main's sentence.
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      },
      enrol: (request) => ipc.invoke(channels.stationEnrol, request) as Promise<BridgeResult<StationConfig>>,
      signIn: (request) => ipc.invoke(channels.stationSignIn, request) as Promise<BridgeResult<SignInResponse>>,
    },
    shell: {
      openExternal: (url) => ipc.invoke(channels.shellOpenExternal, url) as Promise<BridgeResult<null>>,
    },
    print: {
      toPdf: (request: PrintRequest) => ipc.invoke(channels.printToPdf, request) as Promise<BridgeResult<{ savedTo: string | null }>>,
    },
  } satisfies StationBridge;
}
