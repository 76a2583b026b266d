import type { Operation } from '../../../shared/schemas/operation';
import type { StationDb } from './db';
import { enqueue, type EnqueueResult } from './enqueue';
import { stationCode } from './stationMeta';


/**
 * Creates a batch with the next id of this station, "{station code}-{n}", in one transaction with
 * the operation itself: the counter moves only when the batch is saved, and an id already in the
 * cache is skipped, so ids made offline are unique per station.
 */
export function enqueueWithNextBatchId(db: StationDb, stationId: string, build: (batchId: string) => Operation): Promise<EnqueueResult> {
  return db.transaction('rw', [...db.cacheTables, db.outbox, db.shadows, db.meta], async () => {
    const row = await db.meta.get('nextBatchNumber');
    let n = typeof row?.value === 'number' ? row.value : 1;
    const prefix = stationCode(stationId);
    while (await db.batches.get(`${prefix}-${String(n)}`)) n += 1;
    const result = await enqueue(db, build(`${prefix}-${String(n)}`));
    if (result.ok) await db.meta.put({ key: 'nextBatchNumber', value: n + 1 });
    return result;
  });
}
