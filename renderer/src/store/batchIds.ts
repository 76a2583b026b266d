import type { Operation } from '../../../shared/schemas/operation';
import type { StationDb } from './db';
import { enqueue, type EnqueueResult } from './enqueue';
import { stationCode } from './stationMeta';

/** The meta row counting the batches this station has made (not one of MetaRow's keys: kept here). */
const counterKey = 'nextBatchNumber';

type LooseMeta = { key: string; value: string | number };

/**
 * Creates a batch with the next id of this station, "{station code}-{n}", in one transaction with
 * the operation itself: the counter moves only when the batch is saved, and an id already in the
 * cache is skipped, so ids made offline are unique per station.
 */
export function enqueueWithNextBatchId(db: StationDb, stationId: string, build: (batchId: string) => Operation): Promise<EnqueueResult> {
  const meta = db.table<LooseMeta, string>('meta');
  return db.transaction('rw', [...db.cacheTables, db.outbox, db.shadows, db.meta], async () => {
    const row = await meta.get(counterKey);
    let n = typeof row?.value === 'number' ? row.value : 1;
    const prefix = stationCode(stationId);
    while (await db.batches.get(`${prefix}-${String(n)}`)) n += 1;
    const result = await enqueue(db, build(`${prefix}-${String(n)}`));
    if (result.ok) await meta.put({ key: counterKey, value: n + 1 });
    return result;
  });
}
