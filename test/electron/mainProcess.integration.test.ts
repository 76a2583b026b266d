import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FromWorker, StationBridge } from '../../shared/bridge/contract';
import type { FetchLike } from '../../shared/sync/httpTransport';
import { createStationBridge } from '../../electron/bridge';
import { registerBridgeHandlers } from '../../electron/bridgeHandlers';
import { createIpcRouter } from '../../electron/ipcRouter';
import { createOnlineSignal } from '../../electron/onlineSignal';
import { restoreStation } from '../../electron/restoreStation';
import { createStationStore } from '../../electron/stationStore';
import { createSyncHost, type SyncHost } from '../../electron/syncHost';
import { pins, startTestServer, testEnrolmentCode, type TestServer } from '../server/harness';
import { RecordingLog } from './fakes/log';
import { FakeIpcMain, FakeIpcRenderer } from './fakes/ipc';
import { FakeSafeStorage } from './fakes/safeStorage';

/**
 * The main process wired as main.ts wires it, with Electron's objects swapped for fakes at the
 * edge (IPC, safeStorage) and Node's fetch standing in for net.fetch, against the real server
 * on loopback. The page is played by a listener on the preload bridge.
 */

const timers = {
  setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
const nodeFetch: FetchLike = (url, init) => fetch(url, init);

let server: TestServer;
let userData: string;
let host: SyncHost | null = null;

beforeEach(async () => {
  server = await startTestServer();
  userData = await mkdtemp(path.join(tmpdir(), 'lockstep-main-'));
});
afterEach(async () => {
  host?.stop();
  host = null;
  await server.dispose();
  await rm(userData, { recursive: true, force: true });
});

function bootMain(safeStorage = new FakeSafeStorage()) {
  const main = new FakeIpcMain();
  const ipcRenderer = new FakeIpcRenderer(main);
  const log = new RecordingLog();
  const store = createStationStore({ dir: userData, safeStorage, log });
  const online = createOnlineSignal({ isOnline: () => true, timers });
  host = createSyncHost({ fetch: nodeFetch, timers, now: () => Date.now(), random: () => Math.random(), online, target: () => ipcRenderer.webContents, log });
  registerBridgeHandlers(createIpcRouter(main, log), { store, syncHost: host, fetch: nodeFetch, now: () => new Date(), openExternal: () => Promise.resolve(), log });
  const station: StationBridge = createStationBridge(ipcRenderer);
  return { station, store, log, host };
}

/** A page that applies every page at once and remembers what it got. */
function page(station: StationBridge) {
  const received: FromWorker[] = [];
  let cursor = 0;
  station.sync.onMessage((message) => {
    received.push(message);
    if (message.type === 'page') {
      cursor = message.page.cursor;
      station.sync.post({ type: 'pageApplied', cursor });
    }
  });
  return { received, cursor: () => cursor };
}

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the Electron main process against the real server', () => {
  it('enrols through the bridge, keeps the token encrypted, and syncs the station to the feed’s head with it', async () => {
    const { station, store } = bootMain();
    expect(await station.station.config()).toBeNull();

    const enrolled = await station.station.enrol({ serverUrl: `${server.url}/`, code: testEnrolmentCode, name: 'Bench 3' });
    expect(enrolled).toMatchObject({ ok: true, value: { serverUrl: server.url, stationName: 'Bench 3' } });
    const stored = await store.load();
    if (!stored.ok || stored.value === null) throw new Error('nothing stored');
    expect(await readFile(store.file, 'utf8')).not.toContain(stored.value.token);

    const renderer = page(station);
    station.sync.post({ type: 'start', pending: [], cursor: 0 });
    await until(() => renderer.received.some((m) => m.type === 'status' && m.status.phase === 'idle' && m.status.lastSyncAt !== null), 'a completed sync');

    const pages = renderer.received.filter((m) => m.type === 'page');
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((m) => m.page.changes).length).toBeGreaterThan(0);
    expect(renderer.cursor()).toBe(pages.at(-1)?.page.head);
  });

  it('comes back enrolled after a restart, from the file alone', async () => {
    const first = bootMain();
    await first.station.station.enrol({ serverUrl: server.url, code: testEnrolmentCode, name: 'Bench 3' });
    first.host.stop();

    const again = bootMain();
    const config = await again.station.station.config();
    expect(config).toMatchObject({ serverUrl: server.url, stationName: 'Bench 3' });
    expect(await restoreStation(again.store, again.host, again.log)).toBe('enrolled');
    const renderer = page(again.station);
    again.station.sync.post({ type: 'start', pending: [], cursor: 0 });
    await until(() => renderer.received.some((m) => m.type === 'status' && m.status.lastSyncAt !== null), 'a completed sync');
  });

  it('starts unenrolled, and says why, when the settings file is damaged', async () => {
    const { station, store, log, host: syncHost } = bootMain();
    await writeFile(store.file, 'garbage');
    expect(await restoreStation(store, syncHost, log)).toBe('unusable');
    expect(log.warnings()).toEqual([expect.stringContaining(store.file)]);
    await expect(station.station.config()).rejects.toThrow(/cannot be used/);
    const renderer = page(station);
    station.sync.post({ type: 'start', pending: [], cursor: 0 });
    await until(() => renderer.received.length > 0, 'a status');
    expect(renderer.received[0]).toMatchObject({ type: 'status', status: { lastError: { code: 'not_enrolled' } } });
  });

  it('shows a wrong enrolment code as the server’s refusal', async () => {
    const { station } = bootMain();
    expect(await station.station.enrol({ serverUrl: server.url, code: 'WRONG', name: 'Bench 3' })).toMatchObject({
      ok: false,
      error: { code: 'enrolment_code_invalid' },
    });
    expect(await station.station.config()).toBeNull();
  });

  it('signs a person in through the server with the token main holds, and tells a wrong PIN from an unreachable server', async () => {
    const { station } = bootMain();
    expect(await station.station.signIn({ badgeId: pins.tech.badgeId, pin: pins.tech.pin })).toMatchObject({ ok: false, error: { code: 'not_enrolled' } });
    await station.station.enrol({ serverUrl: server.url, code: testEnrolmentCode, name: 'Bench 3' });
    const signedIn = await station.station.signIn({ badgeId: pins.tech.badgeId, pin: pins.tech.pin });
    expect(signedIn).toMatchObject({
      ok: true,
      value: { user: { id: 'u-tech', name: 'Ana Ortiz' }, badgeId: pins.tech.badgeId, verifier: { algorithm: 'pbkdf2-sha256' } },
    });
    expect(await station.station.signIn({ badgeId: pins.tech.badgeId, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    await server.close();
    expect(await station.station.signIn({ badgeId: pins.tech.badgeId, pin: pins.tech.pin })).toMatchObject({ ok: false, error: { code: 'server_unreachable' } });
  });

  it('refuses a malformed sign-in before it leaves main', async () => {
    const { station } = bootMain();
    await station.station.enrol({ serverUrl: server.url, code: testEnrolmentCode, name: 'Bench 3' });
    expect(await station.station.signIn({ badgeId: '1001', pin: 'abcd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
