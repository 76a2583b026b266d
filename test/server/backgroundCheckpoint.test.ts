import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BackgroundCheckpoint, writerCheckpointPages } from '../../server/storage/backgroundCheckpoint';
import { databaseFileName } from '../../server/storage/database';
import { Store } from '../../server/storage/store';
import { tempDirsPerTest } from './harness';

const newDir = tempDirsPerTest();
const open = () => {
  const dir = newDir();
  return { dir, store: Store.open(dir) };
};
const at = '2026-11-26T09:00:00.000Z';
/** About 0.8 MB of feed entries in one commit: 200 WAL pages, under SQLite's own threshold of 1,000. */
const writeEntries = (store: Store, from: number) =>
  store.transaction(() => store.feed.appendAll(Array.from({ length: 2000 }, (_, i) => ['audit', `${'x'.repeat(300)}-${String(from + i)}`, 'put', null] as const), at));

describe('checkpoints on another thread', () => {
  it('copies committed pages into the database file after a request, not in the commit', async () => {
    const { dir, store } = open();
    const checkpoint = new BackgroundCheckpoint(store.db);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(writerCheckpointPages);
    const file = join(dir, databaseFileName);
    const before = statSync(file).size;
    writeEntries(store, 0);
    // Committed to the WAL only: the database file has not grown.
    expect(statSync(file).size).toBe(before);
    checkpoint.request();
    await vi.waitFor(() => { expect(statSync(file).size).toBeGreaterThan(before + 500_000); }, { timeout: 10_000 });
    await checkpoint.close();
    store.close();
  });

  it('loses nothing when commits and checkpoints overlap, and hands checkpoints back to the writer when closed', async () => {
    const { dir, store } = open();
    const checkpoint = new BackgroundCheckpoint(store.db);
    for (let round = 0; round < 10; round++) {
      writeEntries(store, round * 2000);
      checkpoint.request();
    }
    await checkpoint.close();
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    store.close();
    const reopened = Store.open(dir);
    expect(reopened.feed.head()).toBe(20_000);
    reopened.close();
  });

  it('when its thread fails, says so and leaves checkpoints to the writer', async () => {
    const { store } = open();
    const errors: string[] = [];
    const checkpoint = new BackgroundCheckpoint(store.db, (message) => errors.push(message));
    // An exclusive lock held by the writer: the other connection cannot read the WAL index.
    store.db.pragma('locking_mode = EXCLUSIVE');
    writeEntries(store, 0);
    checkpoint.request();
    await vi.waitFor(() => { expect(errors).toHaveLength(1); }, { timeout: 20_000 });
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    checkpoint.request();
    await checkpoint.close();
    store.close();
  }, 30_000);
});
