import { describe, expect, it } from 'vitest';
import { Plant } from '../shared/fixtures';
import { upgradedFrom } from './stationCache';

describe('the runs store after the version 5 upgrade', () => {
  it('keeps every run and drops the status and batch indexes no query reads', async () => {
    const runs = [...new Plant().state.runs.values()];
    const db = await upgradedFrom(4, async (old) => {
      await old.table('runs').bulkPut(runs);
      expect(old.table('runs').schema.indexes.map((i) => i.name).sort()).toEqual(['batchId', 'procedureVersionId', 'status', 'updatedAt']);
    });
    // Upgraded on to the current version, which keeps only the index the first paint reads (version 7).
    expect(db.runs.schema.indexes.map((i) => i.name)).toEqual(['updatedAt']);
    expect(await db.runs.orderBy(':id').toArray()).toEqual([...runs].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.runs.orderBy('updatedAt').count()).toBe(runs.length);
    db.close();
  });
});

describe('the stores after the version 6 upgrade', () => {
  it('keeps every row and drops the indexes no query reads, leaving those the screens read by', async () => {
    const plant = new Plant();
    const run = [...plant.state.runs.values()][0];
    if (!run) throw new Error('no run in the plant');
    const audit = { id: 'A-1', operationId: 'op-1', runId: run.id, stepId: `${run.id}/inspect`, batchId: 'B-1' };
    const review = { id: 'RV-1', operationId: 'op-1', runId: run.id, stepId: `${run.id}/inspect`, batchId: 'B-1' };
    const db = await upgradedFrom(5, (old) =>
      Promise.all([old.table('audit').put(audit), old.table('reviews').put(review), old.table('signatures').put({ id: 'S-1', runId: run.id, stepId: `${run.id}/inspect` })]),
    );
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

describe('the runs store after the version 7 upgrade', () => {
  it('keeps every run and drops the procedure index, which the batch candidates no longer read', async () => {
    const runs = [...new Plant().state.runs.values()];
    const db = await upgradedFrom(6, (old) => old.table('runs').bulkPut(runs));
    expect(db.runs.schema.indexes.map((i) => i.name)).toEqual(['updatedAt']);
    expect(await db.runs.orderBy(':id').toArray()).toEqual([...runs].sort((a, b) => a.id.localeCompare(b.id)));
    // The first paint's read (the latest changed runs first) still answers through its index.
    const latest = [...runs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id))[0];
    expect((await db.runs.orderBy('updatedAt').reverse().first())?.updatedAt).toBe(latest?.updatedAt);
    db.close();
  });
});
