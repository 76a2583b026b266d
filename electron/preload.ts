// The preload: the only code that runs next to the page with access to IPC. It exposes the typed
// bridge and nothing else. Sandboxed (see security.ts), so it is one bundle that requires only
// `electron` (vite.electron.config.ts); everything it does is in bridge.ts, tested in Node.
import { contextBridge, ipcRenderer } from 'electron';
import { createStationBridge } from './bridge';

contextBridge.exposeInMainWorld('station', createStationBridge(ipcRenderer));
