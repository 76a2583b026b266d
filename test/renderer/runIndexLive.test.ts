import { describe, expect, it } from 'vitest';
import type { StationDb } from '../../renderer/src/store/db';
import { firstWindow, runIndexOf } from '../../renderer/src/store/runIndexLoader';
import type { RunQuery } from '../../renderer/src/store/runQuery';
import { seedCache } from '../../renderer/src/store/seed';
import { abortedTitleWrite, demoRun as someRun, demoStation } from './stationCache';

const byUpdate: RunQuery = { sort: 'updated', descending: true, statuses: [], procedureVersionIds: [], batch: 'any', search: '' };

async function filledIndex(db: StationDb) {
  const loaded = runIndexOf(db);
  loaded.load();
  await loaded.filled;
  expect(loaded.failure()).toBeNull();
  return loaded.index;
}

/** Waits for the index to be told of the next committed write. */
function nextChange(db: StationDb): Promise<void> {
  return new Promise((resolve) => {
    const off = runIndexOf(db).index.subscribe(() => {
      off();
      resolve();
    });
  });
}

describe('the runs index kept in step with the cache', () => {
  it('holds every cached run once filled', async () => {
    const db = await demoStation();
    const index = await filledIndex(db);
    expect(index.size).toBe(await db.runs.count());
    expect(index.get('R-1018')?.title).toBe((await someRun(db)).title);
  });

  it('follows puts, updates, modifies and deletes once they commit', async () => {
    const db = await demoStation();
    const index = await filledIndex(db);
    const run = await someRun(db);

    let changed = nextChange(db);
    await seedCache(db, [{ entity: 'run', op: 'put', row: { ...run, status: 'hold', updatedAt: '2099-01-01T00:00:00.000Z' } }]);
    await changed;
    expect(index.query(byUpdate)[0]).toBe('R-1018');
    expect(index.query({ ...byUpdate, statuses: ['hold'] })).toContain('R-1018');

    changed = nextChange(db);
    await db.transaction('rw', [db.runs, db.meta], () => db.runs.update('R-1018', { title: 'Renamed for the test' }));
    await changed;
    expect(index.query({ ...byUpdate, search: 'renamed for' })).toEqual(['R-1018']);

    changed = nextChange(db);
    await db.transaction('rw', [db.runs, db.meta], () => db.runs.where('id').equals('R-1018').modify({ stepsDone: 2 }));
    await changed;
    expect(index.get('R-1018')?.stepsDone).toBe(2);

    changed = nextChange(db);
    await db.transaction('rw', [db.runs, db.meta], () => db.runs.delete('R-1018'));
    await changed;
    expect(index.get('R-1018')).toBeUndefined();
    expect(index.size).toBe(await db.runs.count());
  });

  it('ignores a write whose transaction aborts', async () => {
    const db = await demoStation();
    const index = await filledIndex(db);
    const run = await someRun(db);
    await abortedTitleWrite(db, run);
    expect(index.get('R-1018')?.title).toBe(run.title);
  });

  it('reads everything again after the runs are cleared', async () => {
    const db = await demoStation();
    const index = await filledIndex(db);
    const changed = nextChange(db);
    await db.transaction('rw', [db.runs, db.meta], () => db.runs.clear());
    await changed;
    expect(index.size).toBe(0);
  });

  it('reads the first rows of the unfiltered table from the IndexedDB index, before the index in memory is filled', async () => {
    const db = await demoStation();
    const window = await firstWindow(db, byUpdate);
    if (!window) throw new Error('the unfiltered table sorted by update time has a first window');
    expect(window.length).toBeGreaterThan(0);
    const index = await filledIndex(db);
    expect(window.map((r) => r.id)).toEqual(index.query(byUpdate).slice(0, window.length));
    expect(await firstWindow(db, { ...byUpdate, search: 'pump' })).toBeNull();
  });
});
