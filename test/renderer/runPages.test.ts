import Dexie, { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { instantiateRun } from '../../shared/engine/instantiate';
import type { Run } from '../../shared/schemas/run';
import type { StationDb } from '../../renderer/src/store/db';
import { fewestPacked, runsPerPage } from '../../renderer/src/store/runPages';
import { applyServerPage } from '../../renderer/src/store/serverPage';
import { enqueue } from '../../renderer/src/store/enqueue';
import type { RunWrite } from '../../renderer/src/store/runWrites';
import { SeededRandom } from '../../shared/util/seededRandom';
import { boardV1, Plant, T0 } from '../shared/fixtures';
import { emptyStation, plantRows } from './stationCache';

/** `count` new runs BR-000000… as the server sends them, each updated a second after the last. */
function serverRuns(count: number, from = 0): Run[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `BR-${String(from + i).padStart(6, '0')}`;
    return instantiateRun(boardV1, { runId: id, title: id, unitSerial: `SN-${id}`, at: new Date(T0 + (from + i) * 1000).toISOString() }).run;
  });
}

let cursor = 0;
/** One server page putting these runs, applied as the sync worker applies it. */
function pagePutting(db: StationDb, runs: readonly Run[]): Promise<void> {
  cursor += runs.length;
  return applyServerPage(db, { changes: runs.map((row) => ({ entity: 'run' as const, op: 'put' as const, row })), outcomes: [], cursor });
}

/** The runs stored as rows, read past the middleware (rows only). */
async function rowIds(db: StationDb): Promise<string[]> {
  return db.transaction('r', db.runs, () => new Promise<string[]>((resolve, reject) => {
    const request = (Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction }).idbtrans.objectStore('runs').getAllKeys();
    request.onsuccess = () => { resolve(request.result as string[]); };
    request.onerror = () => { reject(request.error ?? new Error('read failed')); };
  }));
}

const ids = (runs: readonly (Run | undefined)[]) => runs.map((r) => r?.id);

describe('runs kept in pages', () => {
  it('stores a bulk server page of new runs as pages, and reads them as rows', async () => {
    const { db } = await emptyStation();
    const runs = serverRuns(1200);
    await pagePutting(db, runs);
    expect(await db.runPages.count()).toBe(Math.ceil(1200 / runsPerPage));
    expect(await rowIds(db)).toEqual([]);

    expect(await db.runs.get('BR-000777')).toEqual(runs[777]);
    expect(ids(await db.runs.bulkGet(['BR-000001', 'nope', 'BR-001199', 'BR-000500']))).toEqual(['BR-000001', undefined, 'BR-001199', 'BR-000500']);
    expect(await db.runs.count()).toBe(1200);
    expect(await db.runs.where(':id').between('BR-000490', 'BR-000509', true, true).count()).toBe(20);
    expect(ids(await db.runs.orderBy(':id').limit(3).toArray())).toEqual(['BR-000000', 'BR-000001', 'BR-000002']);
    expect(ids(await db.runs.where(':id').above('BR-000498').limit(4).toArray())).toEqual(['BR-000499', 'BR-000500', 'BR-000501', 'BR-000502']);
    expect(ids(await db.runs.orderBy(':id').reverse().limit(2).toArray())).toEqual(['BR-001199', 'BR-001198']);
    expect(await db.runs.orderBy(':id').limit(2).primaryKeys()).toEqual(['BR-000000', 'BR-000001']);
    // By an index: the newest first, as the runs table's first rows are read.
    expect(ids(await db.runs.orderBy('updatedAt').reverse().limit(3).toArray())).toEqual(['BR-001199', 'BR-001198', 'BR-001197']);
    expect(await db.runs.where('updatedAt').aboveOrEqual(runs[1190]?.updatedAt ?? '').count()).toBe(10);
    // Every run, in key order, once.
    const all = await db.runs.toArray();
    expect(all).toHaveLength(1200);
    expect(ids(all)).toEqual(ids(runs));
  });

  it('reads a run changed since as its row, never twice and never the old copy', async () => {
    const { db } = await emptyStation();
    const runs = serverRuns(600);
    await pagePutting(db, runs);
    const changed = { ...(runs[3] as Run), title: 'Reworked', updatedAt: new Date(T0 + 10_000_000).toISOString() };
    await pagePutting(db, [changed]);
    expect(await rowIds(db)).toEqual(['BR-000003']);

    expect((await db.runs.get('BR-000003'))?.title).toBe('Reworked');
    expect((await db.runs.bulkGet(['BR-000002', 'BR-000003']))[1]?.title).toBe('Reworked');
    const firstFive = await db.runs.orderBy(':id').limit(5).toArray();
    expect(ids(firstFive)).toEqual(['BR-000000', 'BR-000001', 'BR-000002', 'BR-000003', 'BR-000004']);
    expect(firstFive[3]?.title).toBe('Reworked');
    const backwards = await db.runs.orderBy(':id').reverse().limit(598).toArray();
    expect(ids(backwards)).toEqual(ids(runs).reverse().slice(0, 598));
    expect(backwards[596]?.title).toBe('Reworked');
    expect(await db.runs.orderBy(':id').primaryKeys()).toEqual(ids(runs));
    expect(await db.runs.count()).toBe(600);
    expect(ids(await db.runs.orderBy('updatedAt').reverse().limit(2).toArray())).toEqual(['BR-000003', 'BR-000599']);
    // Oldest first, the stale copy of BR-000003 (older than its row) must not appear in its place.
    expect(ids(await db.runs.orderBy('updatedAt').limit(5).toArray())).toEqual(['BR-000000', 'BR-000001', 'BR-000002', 'BR-000004', 'BR-000005']);
  });

  it('reads the first runs by time as rows would, whatever the times across pages and rows', async () => {
    const { db } = await emptyStation();
    const random = new SeededRandom(7);
    // Times out of id order, a tenth of them shared by two runs or more.
    const at = () => new Date(T0 + Math.floor(random.next() * 200) * 60_000).toISOString();
    const runs = serverRuns(1700).map((run) => ({ ...run, updatedAt: at() }));
    await pagePutting(db, runs);
    // Some runs change since: their rows move them in time, a few back before their copy.
    const changed = runs.filter(() => random.next() < 0.05).map((run) => ({ ...run, title: 'Changed', updatedAt: at() }));
    await db.transaction('rw', [db.runs, db.meta], () => db.runs.bulkPut(changed));
    const truth = new Map(runs.map((run) => [run.id, run]));
    for (const run of changed) truth.set(run.id, run);
    const byTime = [...truth.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.id < b.id ? -1 : 1));
    for (const limit of [1, 60, 700]) {
      expect(await db.runs.orderBy('updatedAt').limit(limit).toArray()).toEqual(byTime.slice(0, limit));
      expect(await db.runs.orderBy('updatedAt').reverse().limit(limit).toArray()).toEqual([...byTime].reverse().slice(0, limit));
    }
    const since = byTime[1000]?.updatedAt ?? '';
    expect(await db.runs.where('updatedAt').aboveOrEqual(since).toArray()).toEqual(byTime.filter((r) => r.updatedAt >= since));
    expect(await db.runs.where('updatedAt').aboveOrEqual(since).count()).toBe(byTime.filter((r) => r.updatedAt >= since).length);
  });

  it('deletes a run from its page too, and a page left empty goes', async () => {
    const { db } = await emptyStation();
    await pagePutting(db, serverRuns(runsPerPage + fewestPacked));
    await db.transaction('rw', [db.runs, db.meta], () => db.runs.bulkDelete(['BR-000000', 'BR-000010']));
    expect(await db.runs.get('BR-000000')).toBeUndefined();
    expect(await db.runs.get('BR-000010')).toBeUndefined();
    expect(await db.runs.count()).toBe(runsPerPage + fewestPacked - 2);
    // The first page now starts at its next run.
    expect(await db.runPages.toCollection().primaryKeys()).toEqual(['BR-000001', `BR-000${String(runsPerPage)}`]);
    const lastPage = serverRuns(fewestPacked, runsPerPage).map((r) => r.id);
    await db.transaction('rw', [db.runs, db.meta], () => db.runs.bulkDelete(lastPage));
    expect(await db.runPages.count()).toBe(1);
    await db.transaction('rw', [db.runs, db.meta], () => db.runs.clear());
    expect(await db.runs.count()).toBe(0);
    expect(await db.runPages.count()).toBe(0);
  });

  it('deletes runs far apart from their own pages, leaving the pages between them whole', async () => {
    const { db } = await emptyStation();
    const runs = serverRuns(350);
    await pagePutting(db, runs);
    const keys = await db.runPages.toCollection().primaryKeys();
    await db.transaction('rw', [db.runs, db.meta], () => db.runs.bulkDelete(['BR-000005', 'BR-000345']));
    expect(await db.runs.count()).toBe(348);
    expect(await db.runs.bulkGet(['BR-000005', 'BR-000345'])).toEqual([undefined, undefined]);
    expect(await db.runPages.toCollection().primaryKeys()).toEqual(keys);
    expect((await db.runPages.toArray()).map((page) => page.runs.length)).toEqual([99, 100, 100, 49]);
    expect(await db.runs.get('BR-000150')).toEqual(runs[150]);
  });

  it('writes rows, not a page, for a few runs or where runs are already stored', async () => {
    const { db } = await emptyStation();
    await pagePutting(db, serverRuns(fewestPacked - 1));
    expect(await db.runPages.count()).toBe(0);
    // A row inside the next page's id range.
    await pagePutting(db, serverRuns(200, fewestPacked - 1));
    const pages = Math.ceil(200 / runsPerPage);
    expect(await db.runPages.count()).toBe(pages);
    await pagePutting(db, serverRuns(300, 100));
    // Overlapping the pages: rows (and the row wins over the copy).
    expect(await db.runPages.count()).toBe(pages);
    expect((await rowIds(db)).length).toBe(fewestPacked - 1 + 300);
    expect(await db.runs.count()).toBe(400);
  });

  it('tells the runs table of the runs in a page, once committed', async () => {
    const { db } = await emptyStation();
    const seen: RunWrite[] = [];
    db.runWrites.listen((write) => seen.push(write));
    await pagePutting(db, serverRuns(100));
    const put = seen.flatMap((w) => (w.kind === 'rows' ? w.put : []));
    expect(put.map((r) => r.id)).toEqual(serverRuns(100).map((r) => r.id));
  });

  it('wakes a live query on a run in a page when the run changes or its page arrives', async () => {
    const { db, factory } = await emptyStation();
    // Dexie's live queries stay silent where no global IndexedDB is (Node): give it the test's.
    Dexie.dependencies.indexedDB = factory;
    const titles: (string | undefined)[] = [];
    const subscription = liveQuery(() => db.runs.get('BR-000042')).subscribe({ next: (run) => titles.push(run?.title), error: (e: unknown) => { titles.push(`error: ${String(e)}`); } });
    const settled = () => new Promise((resolve) => setTimeout(resolve, 50));
    await settled();
    const runs = serverRuns(100);
    await pagePutting(db, runs);
    await settled();
    await pagePutting(db, [{ ...(runs[42] as Run), title: 'Renamed' }]);
    await settled();
    subscription.unsubscribe();
    expect(titles).toEqual([undefined, 'BR-000042', 'Renamed']);
  });

  it('takes an operation on runs kept in pages, and undoes it back to their copies when refused', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `R-${String(i + 1).padStart(3, '0')}`);
    const plant = new Plant([{ procedure: boardV1, ids }]);
    plant.batch('B-1', ['R-010', 'R-011', 'R-012']);
    const { db } = await emptyStation();
    await applyServerPage(db, { changes: plantRows(plant), outcomes: [], cursor: 1 });
    expect(await db.runPages.count()).toBeGreaterThan(0);
    expect(await rowIds(db)).toEqual([]);
    const before = await db.runs.toArray();
    const stepBefore = await db.runSteps.get('R-012/inspect');

    const op = plant.stepOp('hold', 'R-010', 'inspect', { reason: 'Parts missing' });
    const saved = await enqueue(db, op);
    expect(saved.ok && saved.outcome.propagatedTo.map((p) => p.runId)).toEqual(['R-011', 'R-012']);
    expect((await db.runSteps.get('R-012/inspect'))?.state).toBe('hold');
    await applyServerPage(db, { changes: [], outcomes: [{ operationId: op.id, outcome: { status: 'rejected', code: 'permission_denied', reason: 'No' }, feedSeq: null }], cursor: 1 });
    expect(await db.runs.toArray()).toEqual(before);
    expect(await db.runSteps.get('R-012/inspect')).toEqual(stepBefore);
  });

  it('refuses a cursor over runs while pages exist, rather than leave them out', async () => {
    const { db } = await emptyStation();
    await pagePutting(db, serverRuns(100));
    await expect(db.runs.filter(() => true).toArray()).rejects.toThrow(/not with a cursor/);
  });
});
