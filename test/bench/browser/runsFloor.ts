import { openStationDb } from '../../../renderer/src/store/open';
import { applyServerPage } from '../../../renderer/src/store/serverPage';
import type { RunPage } from '../../../renderer/src/store/runPages';
import type { Run } from '../../../shared/schemas/run';
import { createStationStore, done, openRaw } from './idbRaw';

/**
 * The floor under a bootstrap that keeps one record per run: how fast this browser's IndexedDB
 * takes the station's runs as rows with nothing else in the way (no Dexie, no sync, no schema
 * checks). The same runs the station just pulled, into a fresh database with the runs store's
 * own indexes, with the station's strict durability, in transactions of one pull page each. The
 * station keeps a bootstrap's runs in pages instead (runPages.ts), and goes under this floor.
 * Loaded by the catch-up benchmark.
 */

const pageSize = 2000;
const floorDb = 'lockstep-bench-floor';
const applyDb = 'lockstep-bench-apply';

/** Every run in the station's cache, as one row each: its rows, and the runs in its pages (runPages.ts). */
async function stationRuns(stationDb: string): Promise<unknown[]> {
  const db = await openRaw(stationDb);
  try {
    const tx = db.transaction(['runs', 'runPages']);
    const rows = tx.objectStore('runs').getAll();
    const pages = tx.objectStore('runPages').getAll();
    await done(tx);
    const byId = new Map((pages.result as RunPage[]).flatMap((page) => page.runs).map((run) => [run.id, run as unknown] as const));
    for (const row of rows.result as Run[]) byId.set(row.id, row);
    return [...byId.values()];
  } finally {
    db.close();
  }
}

/** Writes `rows` in transactions of a pull page each; returns the milliseconds it took. */
async function writeInPages(rows: readonly unknown[]): Promise<number> {
  await done(indexedDB.deleteDatabase(floorDb));
  const db = await openRaw(floorDb, 1, (created) => {
    createStationStore(created, 'runs');
  });
  try {
    const started = performance.now();
    for (let start = 0; start < rows.length; start += pageSize) {
      const tx = db.transaction('runs', 'readwrite', { durability: 'strict' });
      const store = tx.objectStore('runs');
      for (const row of rows.slice(start, start + pageSize)) store.put(row);
      await done(tx);
    }
    return performance.now() - started;
  } finally {
    db.close();
    await done(indexedDB.deleteDatabase(floorDb));
  }
}

/** The raw write of the station's run rows: milliseconds, and how many rows. */
export async function runsFloor(stationDb: string): Promise<{ ms: number; rows: number }> {
  const rows = await stationRuns(stationDb);
  return { ms: await writeInPages(rows), rows: rows.length };
}

/**
 * The station's own commit of the same rows: applyServerPage on a fresh station database, pages
 * of 2,000 runs as the worker hands them over (no network, no worker, no schema check). Between
 * the floor and the whole bootstrap: what the store adds, apart from what sync adds.
 */
export async function stationCommit(stationDb: string): Promise<{ ms: number; rows: number }> {
  const rows = (await stationRuns(stationDb)) as Run[];
  await done(indexedDB.deleteDatabase(applyDb));
  const db = await openStationDb(applyDb);
  try {
    const started = performance.now();
    for (let start = 0; start < rows.length; start += pageSize) {
      const changes = rows.slice(start, start + pageSize).map((row) => ({ entity: 'run' as const, op: 'put' as const, row }));
      await applyServerPage(db, { changes, outcomes: [], cursor: start + changes.length, more: start + pageSize < rows.length });
    }
    return { ms: performance.now() - started, rows: rows.length };
  } finally {
    db.close();
    await done(indexedDB.deleteDatabase(applyDb));
  }
}
