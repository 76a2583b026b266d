import { describe, expect, it } from 'vitest';
import { seedBulkRuns } from '../../renderer/src/demo/bulkRuns';
import { writeTokenNow } from '../../renderer/src/store/sliceMemo';
import { tokenedStores, UntokenedWriteError } from '../../renderer/src/store/writeToken';
import { abortedTitleWrite, demoRun as someRun, demoStation, emptyStation } from './stationCache';

describe("the cache's write token", () => {
  it('changes with every committed write to a table the engine reads, and only then', async () => {
    const db = await demoStation();
    const seen = [await writeTokenNow(db)];
    expect(seen[0]).toEqual(expect.any(String));
    const run = await someRun(db);
    await db.transaction('rw', [db.runs, db.meta], () => db.runs.put({ ...run, title: 'Renamed' }));
    seen.push(await writeTokenNow(db));
    await db.transaction('rw', [db.users, db.batches, db.meta], async () => {
      await db.batches.delete('no-such-batch');
      await db.users.bulkPut([]);
    });
    seen.push(await writeTokenNow(db));
    expect(new Set(seen).size).toBe(3);
    // The outbox, the outcomes and meta itself are not the engine's slice.
    await db.transaction('rw', [db.outbox, db.outcomes, db.meta], async () => {
      await db.outbox.clear();
      await db.meta.put({ key: 'lastSyncAt', value: '2026-11-26T00:00:00.000Z' });
    });
    expect(await writeTokenNow(db)).toBe(seen[2]);
  });

  it('stays as it was when the transaction that wrote aborts', async () => {
    const db = await demoStation();
    const before = await writeTokenNow(db);
    const run = await someRun(db);
    await abortedTitleWrite(db, run);
    expect(await writeTokenNow(db)).toBe(before);
  });

  it('refuses a write to the cache in a transaction without meta, and writes nothing', async () => {
    const db = await demoStation();
    const run = await someRun(db);
    await expect(db.runs.put({ ...run, title: 'Written past the token' })).rejects.toBeInstanceOf(UntokenedWriteError);
    await expect(db.transaction('rw', [db.runs, db.audit], () => db.runs.put({ ...run, title: 'Written past the token' }))).rejects.toThrow(/must share its transaction with meta/);
    expect((await someRun(db)).title).toBe(run.title);
  });

  it('covers every table a sync page or an operation writes', async () => {
    const { db } = await emptyStation();
    expect(new Set(db.cacheTables.map((t) => t.name))).toEqual(tokenedStores);
  });

  it('changes when the bulk runs are written past Dexie', async () => {
    const { db } = await emptyStation();
    const before = await writeTokenNow(db);
    expect(await seedBulkRuns(db, 10, () => undefined)).toBe(10);
    expect(await writeTokenNow(db)).not.toBe(before);
  });
});
