import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { buildDemoPlant } from '../../renderer/src/demo/demoPlant';
import type { StationDb } from '../../renderer/src/store/db';
import { openStationDb } from '../../renderer/src/store/open';
import { seedCache } from '../../renderer/src/store/seed';

let counter = 0;

/** A fresh station cache in fake-indexeddb. */
export async function emptyStation(): Promise<{ db: StationDb; factory: IDBFactory; name: string }> {
  const factory = new IDBFactory();
  counter += 1;
  const name = `station-${String(counter)}`;
  return { db: await openStationDb(name, { indexedDB: factory, IDBKeyRange }), factory, name };
}

const plant = buildDemoPlant();

/** A station cache holding the demo plant, as a fresh station in the browser has. */
export async function demoStation(): Promise<StationDb> {
  const { db } = await emptyStation();
  await seedCache(db, plant.rows);
  return db;
}
