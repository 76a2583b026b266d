// The main process's thin edge: the only module (with preload.ts) that imports `electron`. It
// wires Electron's objects into the modules that hold the logic, each tested in Node without
// Electron. Nothing here decides anything worth a test of its own.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { appEntryUrl, appScheme } from './appOrigin';
import { appSchemePrivileges, createAppRequestHandler } from './appProtocol';
import { registerBridgeHandlers } from './bridgeHandlers';
import { createIpcRouter } from './ipcRouter';
import type { Log } from './log';
import { createOnlineSignal } from './onlineSignal';
import { registerPrintHandler } from './printToPdf';
import { restoreStation } from './restoreStation';
import { secureSession, secureWebContents, secureWebPreferences } from './security';
import { createStationStore } from './stationStore';
import { createSyncHost } from './syncHost';

const log: Log = {
  info: (message) => {
    console.info(`[lockstep] ${message}`);
  },
  warn: (message) => {
    console.warn(`[lockstep] ${message}`);
  },
  error: (message, cause) => {
    console.error(`[lockstep] ${message}`, cause);
  },
};

const timers = {
  setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

// Before `ready`: the app:// scheme needs its privileges registered, and every renderer is sandboxed.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();
// Every webContents the app ever creates gets the policy, not only the windows made below.
app.on('web-contents-created', (_event, contents) => {
  secureWebContents(contents, log);
});

let window: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second copy would run a second sync worker against the same station identity.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('The station could not start', error);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  secureSession(session.defaultSession, log);
  // This file runs as dist/electron/main.cjs (CommonJS, so __dirname is defined): the renderer
  // build sits next to it in dist/renderer, inside app.asar once packaged.
  protocol.handle(appScheme, createAppRequestHandler({ root: path.join(__dirname, '..', 'renderer'), readFile }));

  const store = createStationStore({ dir: app.getPath('userData'), safeStorage, log });
  const online = createOnlineSignal({
    isOnline: () => net.isOnline(),
    timers,
    wake: (listener) => {
      powerMonitor.on('resume', listener);
      powerMonitor.on('unlock-screen', listener);
      return () => {
        powerMonitor.off('resume', listener);
        powerMonitor.off('unlock-screen', listener);
      };
    },
  });
  const fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => net.fetch(url, init);
  const syncHost = createSyncHost({
    fetch,
    timers,
    now: () => Date.now(),
    random: () => Math.random(),
    online,
    target: () => window?.webContents ?? null,
    log,
  });
  app.on('before-quit', () => {
    syncHost.stop();
    online.dispose();
  });

  await restoreStation(store, syncHost, log);

  const router = createIpcRouter(ipcMain, log);
  registerBridgeHandlers(router, {
    store,
    syncHost,
    fetch,
    now: () => new Date(),
    openExternal: (url) => shell.openExternal(url),
    log,
  });
  registerPrintHandler(router, {
    chooseSavePath: async (suggestedName) => {
      if (window === null) return null;
      const chosen = await dialog.showSaveDialog(window, {
        title: 'Save the record as PDF',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      return chosen.canceled || chosen.filePath === '' ? null : chosen.filePath;
    },
    pageToPdf: async () => {
      if (window === null) throw new Error('the station window is closed');
      // The page's own @page rule sets size and margins; backgrounds stay off (black on white).
      return window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: false });
    },
    writeFile: (filePath, data) => writeFile(filePath, data),
    log,
  });

  window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Lockstep',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => {
    window?.show();
  });
  window.on('closed', () => {
    window = null;
  });
  await window.loadURL(appEntryUrl);
}
