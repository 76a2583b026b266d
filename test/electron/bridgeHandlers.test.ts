import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type ToWorker } from '../../shared/bridge/contract';
import type { FetchLike, ResponseLike } from '../../shared/sync/httpTransport';
import { registerBridgeHandlers } from '../../electron/bridgeHandlers';
import { createIpcRouter } from '../../electron/ipcRouter';
import { createStationStore, stationFileName } from '../../electron/stationStore';
import type { SyncHost, SyncStation } from '../../electron/syncHost';
import { RecordingLog } from './fakes/log';
import { appFrame, FakeIpcMain } from './fakes/ipc';
import { FakeSafeStorage } from './fakes/safeStorage';

/** Records what the handlers ask of the sync host (its own behaviour is in syncHost.test.ts). */
class RecordingSyncHost implements SyncHost {
  readonly configured: (SyncStation | null)[] = [];
  readonly received: ToWorker[] = [];
  configure(station: SyncStation | null): void {
    this.configured.push(station);
  }
  receive(message: ToWorker): void {
    this.received.push(message);
  }
  stop(): void {
    this.configured.push(null);
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lockstep-handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(options: { enrolStatus?: number; enrolBody?: unknown; openFails?: boolean } = {}) {
  const ipc = new FakeIpcMain();
  const log = new RecordingLog();
  const syncHost = new RecordingSyncHost();
  const opened: string[] = [];
  const requests: string[] = [];
  const fetch: FetchLike = (url) => {
    requests.push(url);
    const response: ResponseLike = {
      status: options.enrolStatus ?? 201,
      json: () => Promise.resolve(options.enrolBody ?? { stationId: 'S-7', token: 'st_secret', expiresAt: '2027-11-26T08:00:00.000Z', nextSeq: 1 }),
      body: null,
    };
    return Promise.resolve(response);
  };
  const store = createStationStore({ dir, safeStorage: new FakeSafeStorage(), log });
  registerBridgeHandlers(createIpcRouter(ipc, log), {
    store,
    syncHost,
    fetch,
    now: () => new Date('2026-11-26T08:00:00.000Z'),
    openExternal: (url) => {
      if (options.openFails) return Promise.reject(new Error('no browser configured'));
      opened.push(url);
      return Promise.resolve();
    },
    log,
  });
  const call = (channel: string, ...args: unknown[]) => ipc.invoke(appFrame(), channel, ...args);
  return { ipc, log, syncHost, opened, requests, store, call };
}

const enrolInput = { serverUrl: 'http://10.0.0.5:4650/', code: ' ABCD-1234 ', name: 'Bench 3' };

describe('station.config and station.enrol in main', () => {
  it('has no station before enrolment', async () => {
    const { call } = setup();
    expect(await call(channels.stationConfig)).toEqual({ ok: true, value: null });
  });

  it('enrols with the server, stores the station, starts syncing, and answers without the token', async () => {
    const { call, syncHost, requests, store } = setup();
    const answer = await call(channels.stationEnrol, enrolInput);
    expect(answer).toEqual({ ok: true, value: { serverUrl: 'http://10.0.0.5:4650', stationId: 'S-7', stationName: 'Bench 3' } });
    expect(JSON.stringify(answer)).not.toContain('st_secret');
    expect(requests).toEqual(['http://10.0.0.5:4650/v1/stations/enrol']);
    expect(syncHost.configured).toEqual([{ serverUrl: 'http://10.0.0.5:4650', token: 'st_secret' }]);
    expect(await store.load()).toMatchObject({ ok: true, value: { stationId: 'S-7', token: 'st_secret' } });
    expect(await call(channels.stationConfig)).toEqual(answer);
  });

  it('stores nothing and starts nothing when the server refuses', async () => {
    const { call, syncHost, store } = setup({ enrolStatus: 403, enrolBody: { error: { code: 'enrolment_code_invalid', message: 'used up' } } });
    expect(await call(channels.stationEnrol, enrolInput)).toEqual({ ok: false, error: { code: 'enrolment_code_invalid', message: 'used up' } });
    expect(syncHost.configured).toEqual([]);
    expect(await store.load()).toEqual({ ok: true, value: null });
  });

  it.each([
    ['an ftp server', { ...enrolInput, serverUrl: 'ftp://10.0.0.5' }],
    ['a javascript: server', { ...enrolInput, serverUrl: 'javascript:alert(1)' }],
    ['no code', { ...enrolInput, code: '   ' }],
    ['no name', { ...enrolInput, name: '' }],
    ['a string', 'http://10.0.0.5:4650'],
  ])('refuses enrolment input with %s before any request', async (_label, input) => {
    const { call, requests } = setup();
    expect(await call(channels.stationEnrol, input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(requests).toEqual([]);
  });

  it('reports a damaged settings file as an answer, not a crash', async () => {
    const { call } = setup();
    await writeFile(path.join(dir, stationFileName), '{ not json');
    expect(await call(channels.stationConfig)).toMatchObject({ ok: false, error: { code: 'config_corrupt' } });
  });

  it('refuses a payload where none is expected', async () => {
    const { call } = setup();
    expect(await call(channels.stationConfig, { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('shell.openExternal in main', () => {
  it('opens a checked https link, in its normalised form', async () => {
    const { call, opened } = setup();
    expect(await call(channels.shellOpenExternal, 'HTTPS://Docs.Lockstep.Example/guide')).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['https://docs.lockstep.example/guide']);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'https://evil.example@localhost/', 'http://10.0.0.5:4650/', '/relative'])(
    'refuses %j and opens nothing',
    async (url) => {
      const { call, opened, log } = setup();
      expect(await call(channels.shellOpenExternal, url)).toMatchObject({ ok: false, error: { code: 'link_refused' } });
      expect(opened).toEqual([]);
      expect(log.warnings()).toHaveLength(1);
    },
  );

  it('opens plain http to the station’s own server once enrolled', async () => {
    const { call, opened } = setup();
    await call(channels.stationEnrol, enrolInput);
    expect(await call(channels.shellOpenExternal, 'http://10.0.0.5:4650/review')).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['http://10.0.0.5:4650/review']);
  });

  it('says when the system cannot open the link', async () => {
    const { call } = setup({ openFails: true });
    expect(await call(channels.shellOpenExternal, 'https://docs.lockstep.example/')).toMatchObject({ ok: false, error: { code: 'open_failed' } });
  });

  it('refuses what is not a link', async () => {
    const { call, opened } = setup();
    for (const value of [42, { url: 'https://x.example' }, 'x'.repeat(5000)]) {
      expect(await call(channels.shellOpenExternal, value)).toMatchObject({ ok: false });
    }
    expect(opened).toEqual([]);
  });
});

describe('sync.post in main', () => {
  it('hands parsed worker messages to the sync host', () => {
    const { ipc, syncHost } = setup();
    ipc.send(appFrame(), channels.syncPost, { type: 'start', pending: [], cursor: 0 });
    ipc.send(appFrame(), channels.syncPost, { type: 'pageApplied', cursor: 12 });
    expect(syncHost.received).toEqual([
      { type: 'start', pending: [], cursor: 0 },
      { type: 'pageApplied', cursor: 12 },
    ]);
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything' }],
    ['a negative cursor', { type: 'pageApplied', cursor: -1 }],
    ['a malformed operation', { type: 'enqueued', pending: [{ seq: 1, op: { kind: 'nope' } }] }],
    ['nothing', undefined],
  ])('drops %s', (_label, message) => {
    const { ipc, syncHost, log } = setup();
    ipc.send(appFrame(), channels.syncPost, message);
    expect(syncHost.received).toEqual([]);
    expect(log.warnings()).toHaveLength(1);
  });
});
