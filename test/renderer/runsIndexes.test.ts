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

describe('the stores after the version 6 upgrade', () => {
  it('keeps every row and drops the indexes no query reads, leaving those the screens read by', async () => {
    const factory = new IDBFactory();
    const v5 = schemaVersions.find((v) => v.version === 5);
    if (!v5) throw new Error('no version 5 in the schema');
    const old = new Dexie('v6-indexes', { indexedDB: factory, IDBKeyRange });
    old.version(v5.version).stores(v5.stores);
    const plant = new Plant();
    const run = [...plant.state.runs.values()][0];
    if (!run) throw new Error('no run in the plant');
    const audit = { id: 'A-1', operationId: 'op-1', runId: run.id, stepId: `${run.id}/inspect`, batchId: 'B-1' };
    const review = { id: 'RV-1', operationId: 'op-1', runId: run.id, stepId: `${run.id}/inspect`, batchId: 'B-1' };
    await Promise.all([old.table('audit').put(audit), old.table('reviews').put(review), old.table('signatures').put({ id: 'S-1', runId: run.id, stepId: `${run.id}/inspect` })]);
    old.close();

    const db = await openStationDb('v6-indexes', { indexedDB: factory, IDBKeyRange });
    const indexesOf = (table: string) => db.table(table).schema.indexes.map((i) => i.name).sort();
    expect(indexesOf('audit')).toEqual(['batchId', 'runId']);
    expect(indexesOf('signatures')).toEqual(['runId']);
    expect(indexesOf('reviews')).toEqual(['runId']);
    expect(indexesOf('procedures')).toEqual([]);
    // The rows stay, and the reads the screens make still answer.
    expect(await db.audit.where('batchId').equals('B-1').toArray()).toEqual([audit]);
    expect(await db.audit.where('runId').equals(run.id).count()).toBe(1);
    expect(await db.signatures.where('runId').equals(run.id).count()).toBe(1);
    expect(await db.reviews.where('runId').equals(run.id).toArray()).toEqual([review]);
    db.close();
  });
});
