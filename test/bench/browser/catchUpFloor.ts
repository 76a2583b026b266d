import { createStationStore, done, openRaw } from './idbRaw';

/**
 * The floor under a whole catch-up: every row it leaves in the station's cache, written straight
 * into a fresh IndexedDB (no Dexie, no sync, no engine) with the station's own stores, indexes
 * and strict durability, in transactions the size of its pages. What a catch-up cannot go below
 * on this browser and machine however the station is written, short of storing fewer rows or
 * fewer indexes. Loaded by the catch-up benchmark (never part of the station build).
 */

const floorDb = 'lockstep-bench-catchup-floor';

/** The cache stores a bootstrap fills (every store of StationDb.cacheTables). */
const cacheStores = ['runs', 'runPages', 'runSteps', 'batches', 'users', 'signatures', 'audit', 'procedures', 'reviews'] as const;

type StoreName = (typeof cacheStores)[number] | 'outcomes';

/** Every row of each store, from the station's database. */
async function readStores(stationDb: string, stores: readonly StoreName[]): Promise<Map<StoreName, unknown[]>> {
  const db = await openRaw(stationDb);
  try {
    const tx = db.transaction([...stores]);
    const requests = stores.map((store) => [store, tx.objectStore(store).getAll()] as const);
    await done(tx);
    return new Map(requests.map(([store, request]) => [store, request.result as unknown[]]));
  } finally {
    db.close();
  }
}

/**
 * Writes the rows into a fresh database with the same stores and indexes, `perTransaction` rows
 * to a transaction (store after store, as a page mixes them); returns the milliseconds taken.
 */
async function writeStores(rows: ReadonlyMap<StoreName, readonly unknown[]>, perTransaction: number): Promise<number> {
  await done(indexedDB.deleteDatabase(floorDb));
  const db = await openRaw(floorDb, 1, (created) => {
    for (const store of rows.keys()) createStationStore(created, store);
  });
  const all = [...rows].flatMap(([store, list]) => list.map((row) => [store, row] as const));
  try {
    const started = performance.now();
    for (let start = 0; start < all.length; start += perTransaction) {
      const tx = db.transaction([...rows.keys()], 'readwrite', { durability: 'strict' });
      for (const [store, row] of all.slice(start, start + perTransaction)) tx.objectStore(store).put(row);
      await done(tx);
    }
    return performance.now() - started;
  } finally {
    db.close();
    await done(indexedDB.deleteDatabase(floorDb));
  }
}

const count = (rows: ReadonlyMap<StoreName, readonly unknown[]>) => [...rows.values()].reduce((n, list) => n + list.length, 0);

/** Every row the bootstrap left in the cache stores, in transactions of a pull page (2,000). Call right after it. */
export async function bootstrapFloor(stationDb: string): Promise<{ ms: number; rows: number }> {
  const rows = await readStores(stationDb, cacheStores);
  return { ms: await writeStores(rows, 2000), rows: count(rows) };
}

/**
 * The rows a drain of `operationPrefix…` operations on bench runs (BR-…) leaves: each operation's
 * outcome and audit row, and the step rows they changed (a bench run's steps are stored only once
 * changed), in transactions of a drain's page (1,000 changes and 500 outcomes). Call after it.
 */
export async function drainFloor(stationDb: string, operationPrefix: string): Promise<{ ms: number; rows: number }> {
  const read = await readStores(stationDb, ['outcomes', 'audit', 'runSteps']);
  const ofDrain = (row: unknown, field: string, prefix: string) => String((row as Record<string, unknown>)[field]).startsWith(prefix);
  const rows = new Map<StoreName, unknown[]>([
    ['runSteps', (read.get('runSteps') ?? []).filter((r) => ofDrain(r, 'runId', 'BR-'))],
    ['audit', (read.get('audit') ?? []).filter((r) => ofDrain(r, 'operationId', operationPrefix))],
    ['outcomes', (read.get('outcomes') ?? []).filter((r) => ofDrain(r, 'operationId', operationPrefix))],
  ]);
  return { ms: await writeStores(rows, 1500), rows: count(rows) };
}
