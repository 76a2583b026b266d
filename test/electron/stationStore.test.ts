import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStationStore, stationFileName, toStationConfig, tokenProtection, type StoredStation } from '../../electron/stationStore';
import { RecordingLog } from './fakes/log';
import { FakeSafeStorage } from './fakes/safeStorage';

const station: StoredStation = {
  serverUrl: 'http://10.0.0.5:4650',
  stationId: 'S-7',
  stationName: 'Line 2, bench 3',
  token: 'st_secret-token-value',
  tokenExpiresAt: '2027-11-26T08:00:00.000Z',
  nextSeq: 1,
  enrolledAt: '2026-11-26T08:00:00.000Z',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lockstep-userdata-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fileText = () => readFile(path.join(dir, stationFileName), 'utf8');

describe('the station store', () => {
  it('has nothing before enrolment', async () => {
    const store = createStationStore({ dir, safeStorage: new FakeSafeStorage(), log: new RecordingLog() });
    expect(await store.load()).toEqual({ ok: true, value: null });
    expect(store.file).toBe(path.join(dir, 'station.json'));
  });

  it('keeps the token encrypted with the OS key store and gives it back', async () => {
    const safeStorage = new FakeSafeStorage();
    const log = new RecordingLog();
    const store = createStationStore({ dir, safeStorage, log });
    expect(await store.save(station)).toEqual({ ok: true, value: { kind: 'encrypted' } });
    const text = await fileText();
    expect(text).not.toContain(station.token);
    expect(JSON.parse(text)).toMatchObject({ format: 1, stationId: 'S-7', token: { protection: 'safeStorage' } });
    expect(await createStationStore({ dir, safeStorage, log }).load()).toEqual({ ok: true, value: station });
    expect(log.warnings()).toEqual([]);
  });

  it('without a key store, keeps the token in plain text, marks the file and warns', async () => {
    const log = new RecordingLog();
    const store = createStationStore({ dir, safeStorage: new FakeSafeStorage(false), log });
    const saved = await store.save(station);
    expect(saved).toMatchObject({ ok: true, value: { kind: 'plaintext' } });
    expect(JSON.parse(await fileText())).toMatchObject({ token: { protection: 'plaintext', value: station.token, note: expect.stringMatching(/Not encrypted/) as string } });
    expect(log.warnings()).toEqual([expect.stringMatching(/not protected by the OS/)]);
    expect(await store.load()).toEqual({ ok: true, value: station });
  });

  it('calls a Linux key store with the built-in key what it is: weak', async () => {
    const safeStorage = new FakeSafeStorage(true, 'basic_text');
    expect(tokenProtection(safeStorage)).toMatchObject({ kind: 'weak' });
    const log = new RecordingLog();
    expect(await createStationStore({ dir, safeStorage, log }).save(station)).toMatchObject({ ok: true, value: { kind: 'weak' } });
    expect(await fileText()).not.toContain(station.token);
    expect(log.warnings()).toHaveLength(1);
  });

  it('is readable only by its owner on POSIX systems', async () => {
    await createStationStore({ dir, safeStorage: new FakeSafeStorage(), log: new RecordingLog() }).save(station);
    if (process.platform !== 'win32') expect((await stat(path.join(dir, stationFileName))).mode & 0o777).toBe(0o600);
  });

  it('replaces the previous station on a new enrolment, leaving no temporary file', async () => {
    const store = createStationStore({ dir, safeStorage: new FakeSafeStorage(), log: new RecordingLog() });
    await store.save(station);
    await store.save({ ...station, stationId: 'S-8', token: 'st_other' });
    expect(await store.load()).toMatchObject({ ok: true, value: { stationId: 'S-8', token: 'st_other' } });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual([stationFileName]);
  });

  it.each([
    ['not JSON', '{"format":1,', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['a newer format', JSON.stringify({ format: 2 }), /format/],
    ['missing the token', JSON.stringify({ format: 1, serverUrl: 'http://x.example', stationId: 'S', stationName: 'n', tokenExpiresAt: 'x', nextSeq: 1, enrolledAt: 'x' }), /token/],
    ['a server that is not http', JSON.stringify({ format: 1, serverUrl: 'file:///etc', stationId: 'S', stationName: 'n', tokenExpiresAt: 'x', nextSeq: 1, enrolledAt: 'x', token: { protection: 'plaintext', value: 't' } }), /serverUrl/],
  ])('reports a damaged file (%s) with its path and what to do, and does not throw', async (_label, content, detail) => {
    await writeFile(path.join(dir, stationFileName), content);
    const loaded = await createStationStore({ dir, safeStorage: new FakeSafeStorage(), log: new RecordingLog() }).load();
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.code).toBe('config_corrupt');
    expect(loaded.error.message).toContain(path.join(dir, stationFileName));
    expect(loaded.error.message).toMatch(detail);
    expect(loaded.error.message).toMatch(/Enrol the station again/);
  });

  it('reports a token it can no longer decrypt, or whose key store is gone', async () => {
    const safeStorage = new FakeSafeStorage();
    await createStationStore({ dir, safeStorage, log: new RecordingLog() }).save(station);
    safeStorage.broken = true;
    expect(await createStationStore({ dir, safeStorage, log: new RecordingLog() }).load()).toMatchObject({ ok: false, error: { code: 'token_unreadable' } });
    const gone = new FakeSafeStorage(false);
    expect(await createStationStore({ dir, safeStorage: gone, log: new RecordingLog() }).load()).toMatchObject({ ok: false, error: { code: 'token_unreadable' } });
  });

  it('reports a folder it cannot write to', async () => {
    await writeFile(path.join(dir, 'blocker'), 'a file where the folder should be');
    const store = createStationStore({ dir: path.join(dir, 'blocker'), safeStorage: new FakeSafeStorage(), log: new RecordingLog() });
    expect(await store.save(station)).toMatchObject({ ok: false, error: { code: 'config_unwritable' } });
  });

  it('tells the renderer the station, never the token', () => {
    const config = toStationConfig(station);
    expect(config).toEqual({ serverUrl: station.serverUrl, stationId: 'S-7', stationName: 'Line 2, bench 3' });
    expect(JSON.stringify(config)).not.toContain(station.token);
  });
});
