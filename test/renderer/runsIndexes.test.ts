import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStationDb } from '../../renderer/src/store/open';
import { schemaVersions } from '../../renderer/src/store/schema';
import { Plant } from '../shared/fixtures';

describe('the runs store after the version 5 upgrade', () => {
  it('keeps every run and drops the status and batch indexes no query reads', async () => {
    const factory = new IDBFactory();
    const v4 = schemaVersions.find((v) => v.version === 4);
    if (!v4) throw new Error('no version 4 in the schema');
    const old = new Dexie('runs-indexes', { indexedDB: factory, IDBKeyRange });
    old.version(v4.version).stores(v4.stores);
    const runs = [...new Plant().state.runs.values()];
    await old.table('runs').bulkPut(runs);
    expect(old.table('runs').schema.indexes.map((i) => i.name).sort()).toEqual(['batchId', 'procedureVersionId', 'status', 'updatedAt']);
    old.close();

    const db = await openStationDb('runs-indexes', { indexedDB: factory, IDBKeyRange });
    expect(db.runs.schema.indexes.map((i) => i.name).sort()).toEqual(['procedureVersionId', 'updatedAt']);
    expect(await db.runs.orderBy(':id').toArray()).toEqual([...runs].sort((a, b) => a.id.localeCompare(b.id)));
    // The queries that remain still answer through their indexes.
    expect(await db.runs.where('procedureVersionId').equals(runs[0]?.procedureVersionId ?? '').count()).toBe(runs.length);
    db.close();
  });
});
