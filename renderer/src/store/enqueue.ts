import { applyOperation } from '../../../shared/engine/apply';
import type { Operation } from '../../../shared/schemas/operation';
import type { Outcome } from '../../../shared/schemas/outcome';
import { writeChanges } from './cacheChanges';
import type { StationDb } from './db';
import { loadSlice } from './loader';
import { seenFirst } from './seenFirst';
import { recordedSlice, writeTokenNow, type RecordedSlice } from './sliceMemo';

export type EnqueueResult =
  | { ok: true; seq: number; outcome: Extract<Outcome, { status: 'applied' | 'applied_with_exclusions' }> }
  | { ok: false; outcome: Extract<Outcome, { status: 'rejected' | 'needs_review' }> };

/**
 * Records what a person did. In one strict-durability transaction: check it with the engine
 * against the cache, append it to the outbox with the next sequence number, and write its
 * optimistic effects (shadowing the server's rows). Only once that commits may the screen show
 * it done. An operation the engine refuses is not stored: its outcome says why.
 *
 * After a preview of the same operation (a dialog shows one before its confirm), the engine works
 * on the rows the preview read and the writes go out without waiting for the cache's answers;
 * the same transaction first reads the cache's write token, and if anything was written to the
 * cache since the preview read those rows it aborts, writing nothing, and the operation is
 * checked the plain way (sliceMemo.ts, writeToken.ts).
 */
export async function enqueue(db: StationDb, op: Operation): Promise<EnqueueResult> {
  const seq = expectedSeq.get(db);
  if (seq !== undefined) {
    const recorded = await recordedSlice(db, op, seenFirst);
    const saved = recorded ? await enqueueOnRecorded(db, op, recorded, seq) : null;
    if (saved) return saved;
  }
  return enqueueOnCache(db, op);
}

/**
 * The next sequence number as this page last wrote it: the outbox key a recorded enqueue takes.
 * Set where an operation is written (not for one found already saved, which keeps its old number).
 */
const expectedSeq = new WeakMap<StationDb, number>();

/** The plain way: read the slice in the transaction, check, then write. */
function enqueueOnCache(db: StationDb, op: Operation): Promise<EnqueueResult> {
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
    expectedSeq.set(db, seq + 1);
    return { ok: true, seq, outcome };
  });
}

/** The cache was written since the recorded slice was read: nothing of the transaction is kept. */
class WrittenSince extends Error {}

/**
 * The recorded way: the engine's writes on the recorded slice go out behind a read of the write
 * token (IndexedDB answers requests in order, so it sees the cache as it was before them), and
 * the transaction commits only if the token is the one the slice was read under: no write has
 * committed since (a read of the slice's rows again cost the click ~3.7 ms, docs/scale.md). Null
 * when it did not commit, with nothing of it written: a write since, a write refused (the
 * sequence number or the operation's id already taken), any failure; or when the engine would
 * refuse. The plain way then checks the operation on the cache's own rows, and says why if it must.
 */
async function enqueueOnRecorded(db: StationDb, op: Operation, recorded: RecordedSlice, seq: number): Promise<EnqueueResult | null> {
  const result = applyOperation(recorded.slice, op);
  const { outcome } = result;
  if (outcome.status === 'rejected' || outcome.status === 'needs_review') return null;
  try {
    return await db.transaction('rw', [...db.cacheTables, db.outbox, db.shadows, db.meta], async (): Promise<EnqueueResult> => {
      const checks = Promise.all([db.meta.get('nextSeq'), writeTokenNow(db)]);
      const writes = Promise.all([
        // An operation already queued is refused here by the outbox's unique id, not looked up
        // first: the transaction aborts, and the plain way says it is already saved.
        db.outbox.add({ seq, id: op.id, op }),
        db.meta.put({ key: 'nextSeq', value: seq + 1 }),
        writeChanges(db, result.changes, { shadow: true, before: recorded.slice }),
      ]);
      // A failed write aborts the transaction; the checks then say so.
      writes.catch(() => undefined);
      const [next, token] = await checks;
      if (next?.value !== seq || token !== recorded.token) throw new WrittenSince();
      await writes;
      expectedSeq.set(db, seq + 1);
      return { ok: true, seq, outcome };
    });
  } catch {
    return null;
  }
}
