import { describe, expect, it } from 'vitest';
import type { Operation } from '../../shared/schemas/operation';
import { enqueueWithNextBatchId } from '../../renderer/src/store/batchIds';
import { randomStationCode, stationCode } from '../../renderer/src/store/stationMeta';
import { demoStation } from './stationCache';

const createBatch = (runIds: string[]) => (batchId: string): Operation => ({
  kind: 'createBatch',
  id: `op-${batchId}-${runIds.join('-')}`,
  stationId: 'ST-K7QM',
  actorId: 'u-chen',
  at: '2026-02-01T08:00:00.000Z',
  batchId,
  title: null,
  runIds,
});

describe('batch ids made on this station', () => {
  it('numbers batches "{station code}-{n}", moving the counter only when a batch is saved', async () => {
    const db = await demoStation();
    const first = await enqueueWithNextBatchId(db, 'ST-K7QM', createBatch(['R-1001', 'R-1002']));
    expect(first.ok).toBe(true);
    expect((await db.runs.get('R-1001'))?.batchId).toBe('ST-K7QM-1');

    // A refused batch (no shared steps) uses no number.
    const refused = await enqueueWithNextBatchId(db, 'ST-K7QM', createBatch(['R-1003', 'R-1018']));
    expect(refused).toMatchObject({ ok: false, outcome: { code: 'batch_rule' } });
    await enqueueWithNextBatchId(db, 'ST-K7QM', createBatch(['R-1003', 'R-1004']));
    expect((await db.runs.get('R-1003'))?.batchId).toBe('ST-K7QM-2');
    expect(await db.outbox.count()).toBe(2);
  });

  it('skips an id already in the cache', async () => {
    const db = await demoStation();
    const taken = { id: 'ST-K7QM-1', title: null, memberRunIds: [], createdBy: 'u-chen', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    await db.transaction('rw', [db.batches, db.meta], () => db.batches.put(taken));
    await enqueueWithNextBatchId(db, 'ST-K7QM', createBatch(['R-1001', 'R-1002']));
    expect((await db.runs.get('R-1001'))?.batchId).toBe('ST-K7QM-2');
  });

  it('names a station with a short code that reads well on a label', () => {
    expect(randomStationCode()).toMatch(/^ST-[A-HJ-NP-Z2-9]{4}$/);
    expect(stationCode('st-k7qm')).toBe('ST-K7QM');
    expect(stationCode('0b8e9c1e-5a7f-4d2b-9a51-3e7f5d2c9a10')).toBe('5D2C9A10');
  });
});
