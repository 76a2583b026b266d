import { describe, expect, it } from 'vitest';
import { channels, type BridgeResult, type FromWorker, type StationBridge } from '../../shared/bridge/contract';
import { createStationBridge } from '../../electron/bridge';
import { createIpcRouter } from '../../electron/ipcRouter';
import * as z from 'zod';
import { ok, fail } from '../../electron/bridgeResult';
import { RecordingLog } from './fakes/log';
import { appFrame, FakeIpcMain, FakeIpcRenderer } from './fakes/ipc';

/** Main's side stubbed per channel (the real handlers are in bridgeHandlers.test.ts). */
function setup() {
  const main = new FakeIpcMain();
  const router = createIpcRouter(main, new RecordingLog());
  const posted: unknown[] = [];
  let config: BridgeResult<unknown> = ok(null);
  router.handle(channels.stationConfig, z.undefined(), () => config);
  router.handle(channels.stationEnrol, z.unknown(), (input) => ok({ echoed: input }));
  router.handle(channels.shellOpenExternal, z.string(), (url) => (url.startsWith('https:') ? ok(null) : fail('link_refused', 'no')));
  router.on(channels.syncPost, z.unknown(), (message) => posted.push(message));
  const ipc = new FakeIpcRenderer(main);
  const bridge: StationBridge = createStationBridge(ipc);
  return { bridge, ipc, posted, setConfig: (answer: typeof config) => (config = answer) };
}

/** Every value reachable from the bridge, with its path. */
function walk(value: unknown, at = 'station'): [string, unknown][] {
  if (value === null || typeof value !== 'object') return [[at, value]];
  return Object.entries(value).flatMap(([key, v]) => walk(v, `${at}.${key}`));
}

describe('window.station (the preload bridge)', () => {
  it('exposes the contract’s verbs and nothing else: no ipcRenderer, no channel names, no generic send', () => {
    const { bridge } = setup();
    expect(walk(bridge).map(([at, v]) => `${at}:${typeof v}`).sort()).toEqual(
      [
        'station.host:string',
        'station.print.toPdf:function',
        'station.shell.openExternal:function',
        'station.station.config:function',
        'station.station.enrol:function',
        'station.station.signIn:function',
        'station.sync.onMessage:function',
        'station.sync.post:function',
      ].sort(),
    );
    expect(bridge.host).toBe('electron');
  });

  it('posts sync messages on the sync channel', () => {
    const { bridge, posted } = setup();
    bridge.sync.post({ type: 'syncNow' });
    expect(posted).toEqual([{ type: 'syncNow' }]);
  });

  it('hands the page the worker’s message only, never the IPC event, and unsubscribes', () => {
    const { bridge, ipc } = setup();
    const seen: unknown[][] = [];
    const stop = bridge.sync.onMessage((...args: unknown[]) => seen.push(args));
    const message: FromWorker = { type: 'needOutbox' };
    ipc.webContents.send(channels.syncMessage, message);
    expect(seen).toEqual([[message]]);
    stop();
    expect(ipc.listenerCount(channels.syncMessage)).toBe(0);
    ipc.webContents.send(channels.syncMessage, message);
    expect(seen).toHaveLength(1);
  });

  it('answers config with the station, or rejects with main’s sentence when main cannot read it', async () => {
    const { bridge, setConfig } = setup();
    expect(await bridge.station.config()).toBeNull();
    setConfig(ok({ serverUrl: 'http://10.0.0.5:4650', stationId: 'S-7', stationName: 'Bench 3' }));
    expect(await bridge.station.config()).toEqual({ serverUrl: 'http://10.0.0.5:4650', stationId: 'S-7', stationName: 'Bench 3' });
    setConfig(fail('config_corrupt', 'The station settings in /x/station.json cannot be used'));
    await expect(bridge.station.config()).rejects.toThrow('The station settings in /x/station.json cannot be used');
  });

  it('passes enrol and openExternal through as results', async () => {
    const { bridge } = setup();
    expect(await bridge.station.enrol({ serverUrl: 'http://10.0.0.5:4650', code: 'C', name: 'N' })).toEqual({
      ok: true,
      value: { echoed: { serverUrl: 'http://10.0.0.5:4650', code: 'C', name: 'N' } },
    });
    expect(await bridge.shell.openExternal('https://docs.lockstep.example/')).toEqual({ ok: true, value: null });
    expect(await bridge.shell.openExternal('file:///etc/passwd')).toMatchObject({ ok: false, error: { code: 'link_refused' } });
  });

  it('gets nothing from main when loaded in a frame that is not the app’s top page', async () => {
    const { bridge, ipc, posted } = setup();
    ipc.frame = { url: 'app://station/index.html', parent: appFrame() };
    expect(await bridge.shell.openExternal('https://docs.lockstep.example/')).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    bridge.sync.post({ type: 'syncNow' });
    expect(posted).toEqual([]);
  });
});
