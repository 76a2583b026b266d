import { applyOperation } from '../../../shared/engine/apply';
import type { Operation } from '../../../shared/schemas/operation';
import type { Outcome } from '../../../shared/schemas/outcome';
import { writeChanges } from './cacheChanges';
import type { StationDb } from './db';
import { loadSlice } from './loader';

export type EnqueueResult =
  | { ok: true; seq: number; outcome: Extract<Outcome, { status: 'applied' | 'applied_with_exclusions' }> }
  | { ok: false; outcome: Extract<Outcome, { status: 'rejected' | 'needs_review' }> };

/**
 * Records what a person did. In one strict-durability transaction: check it with the engine
 * against the cache, append it to the outbox with the next sequence number, and write its
 * optimistic effects (shadowing the server's rows). Only once that commits may the screen show
 * it done. An operation the engine refuses is not stored: its outcome says why.
 */
export function enqueue(db: StationDb, op: Operation): Promise<EnqueueResult> {
  return db.transaction('rw', [...db.cacheTables, db.outbox, db.shadows, db.meta], async (): Promise<EnqueueResult> => {
    // The reads go out together, and then the writes: each wave waits once, not once per request.
    const [queued, next, slice] = await Promise.all([db.outbox.where('id').equals(op.id).first(), db.meta.get('nextSeq'), loadSlice(db, op)]);
    if (queued) return { ok: true, seq: queued.seq, outcome: { status: 'applied', note: 'Already saved on this station', propagatedTo: [] } };
    const result = applyOperation(slice, op);
    const { outcome } = result;
    if (outcome.status === 'rejected' || outcome.status === 'needs_review') return { ok: false, outcome };
    const seq = typeof next?.value === 'number' ? next.value : 1;
    await Promise.all([
      db.outbox.add({ seq, id: op.id, op }),
      db.meta.put({ key: 'nextSeq', value: seq + 1 }),
      writeChanges(db, result.changes, { shadow: true, before: slice }),
    ]);
    return { ok: true, seq, outcome };
  });
}
