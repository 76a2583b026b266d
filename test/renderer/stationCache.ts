import Dexie from 'dexie';
import { expect } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { buildDemoPlant } from '../../renderer/src/demo/demoPlant';
import type { StationDb } from '../../renderer/src/store/db';
import { openStationDb } from '../../renderer/src/store/open';
import { schemaVersions } from '../../renderer/src/store/schema';
import type { CacheChange } from '../../renderer/src/store/cacheChanges';
import { seedCache } from '../../renderer/src/store/seed';
import type { Run } from '../../shared/schemas/run';
import type { Plant } from '../shared/fixtures';

let counter = 0;

/** A fresh station cache in fake-indexeddb. */
export async function emptyStation(): Promise<{ db: StationDb; factory: IDBFactory; name: string }> {
  const factory = new IDBFactory();
  counter += 1;
  const name = `station-${String(counter)}`;
  return { db: await openStationDb(name, { indexedDB: factory, IDBKeyRange }), factory, name };
}

/**
 * A cache written by an older station (schema `version`, filled by `fill` through a Dexie of
 * that version alone), then opened by this one: what the upgrade left.
 */
export async function upgradedFrom(version: number, fill: (old: Dexie) => Promise<unknown>): Promise<StationDb> {
  const declared = schemaVersions.find((v) => v.version === version);
  if (!declared) throw new Error(`no version ${String(version)} in the schema`);
  const factory = new IDBFactory();
  const old = new Dexie('station-upgraded', { indexedDB: factory, IDBKeyRange });
  old.version(declared.version).stores(declared.stores);
  await fill(old);
  old.close();
  return openStationDb('station-upgraded', { indexedDB: factory, IDBKeyRange });
}

const plant = buildDemoPlant();

/** A station cache holding the demo plant, as a fresh station in the browser has. */
export async function demoStation(): Promise<StationDb> {
  const { db } = await emptyStation();
  await seedCache(db, plant.rows);
  return db;
}

/** The plant's runs, steps, batches and people as the server's rows. */
export function plantRows(plant: Plant): CacheChange[] {
  return [
    ...[...plant.state.runs.values()].map((row) => ({ entity: 'run' as const, op: 'put' as const, row })),
    ...[...plant.state.steps.values()].map((row) => ({ entity: 'runStep' as const, op: 'put' as const, row })),
    ...[...plant.state.batches.values()].map((row) => ({ entity: 'batch' as const, op: 'put' as const, row })),
    ...[...plant.state.users.values()].map((row) => ({ entity: 'user' as const, op: 'put' as const, row })),
  ];
}

/** A fresh station cache seeded with the plant's rows as the server's truth. */
export async function plantStation(plant: Plant): Promise<StationDb> {
  const { db } = await emptyStation();
  await seedCache(db, plantRows(plant));
  return db;
}

/** Writes a new title to `run` in a transaction that then throws: nothing of it may be kept. */
export async function abortedTitleWrite(db: StationDb, run: Run): Promise<void> {
  await expect(
    db.transaction('rw', [db.runs, db.meta], async () => {
      await db.runs.put({ ...run, title: 'Never committed' });
      throw new Error('abort on purpose');
    }),
  ).rejects.toThrow('abort on purpose');
}

/** A run of the demo plant, read from the cache (R-1018, a run in no batch, by default). */
export async function demoRun(db: StationDb, id = 'R-1018'): Promise<Run> {
  const run = await db.runs.get(id);
  if (!run) throw new Error(`the demo plant has no ${id}`);
  return run;
}
