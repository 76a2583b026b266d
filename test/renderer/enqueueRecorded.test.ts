import { describe, expect, it, vi } from 'vitest';
import type { Operation } from '../../shared/schemas/operation';
import { previewOperation } from '../../renderer/src/actions/preview';
import type { StationDb } from '../../renderer/src/store/db';
import { enqueue } from '../../renderer/src/store/enqueue';
import * as loader from '../../renderer/src/store/loader';
import { applyServerPage } from '../../renderer/src/store/serverPage';
import { boardV1, Plant } from '../shared/fixtures';
import { plantStation } from './stationCache';

// The plain way reads its slice with loadSlice; the recorded way never calls it.
vi.mock('../../renderer/src/store/loader', async (original) => {
  const actual = await original<typeof import('../../renderer/src/store/loader')>();
  return { ...actual, loadSlice: vi.fn(actual.loadSlice) };
});
const plainReads = vi.mocked(loader.loadSlice);

/** Every store an enqueue writes, as rows. */
async function everything(db: StationDb) {
  const [runs, steps, batches, audit, signatures, outbox, shadows, meta] = await Promise.all([
    db.runs.toArray(),
    db.runSteps.toArray(),
    db.batches.toArray(),
    db.audit.toArray(),
    db.signatures.toArray(),
    db.outbox.toArray(),
    db.shadows.toArray(),
    db.meta.toArray(),
  ]);
  // The write token differs by nature: each write leaves a token no other write left.
  return { runs, steps, batches, audit, signatures, outbox, shadows, meta: meta.filter((row) => row.key !== 'written') };
}

/**
 * A plant of batched runs (three, read one by one; or twelve, read as one key range), with a
 * first operation already saved (it sets the page's sequence).
 */
async function batchedStation(runs = 3) {
  const ids = Array.from({ length: runs }, (_, i) => `R-${String(i + 1)}`);
  const plant = new Plant([{ procedure: boardV1, ids }]);
  plant.batch('B-1', ids);
  const db = await plantStation(plant);
  expect((await enqueue(db, plant.stepOp('start', 'R-1', 'inspect', {}))).ok).toBe(true);
  return { plant, db };
}

/** Enqueues `op` after a preview of it, returning the result and whether the plain way read the slice. */
async function confirmAfterPreview(db: StationDb, op: Operation, between: () => Promise<unknown> = () => Promise.resolve()) {
  await previewOperation(db, op);
  await between();
  plainReads.mockClear();
  const result = await enqueue(db, op);
  return { result, readPlainly: plainReads.mock.calls.length > 0 };
}

describe('an enqueue after a preview (the recorded slice)', () => {
  it.each([3, 12])('writes without reading the slice again, and leaves the cache as the plain way does (%i runs)', async (runs) => {
    const recorded = await batchedStation(runs);
    const plain = await batchedStation(runs);
    const op = recorded.plant.stepOp('hold', 'R-1', 'connector', { reason: 'Parts missing' });
    const { result, readPlainly } = await confirmAfterPreview(recorded.db, op);
    expect(readPlainly).toBe(false);
    expect(result.ok && result.outcome.propagatedTo).toHaveLength(runs - 1);
    expect((await enqueue(plain.db, op)).ok).toBe(true);
    expect(await everything(recorded.db)).toEqual(await everything(plain.db));
  });

  it('checks the operation the plain way when a row it read changed since the preview', async () => {
    const { plant, db } = await batchedStation();
    const op = plant.stepOp('hold', 'R-1', 'connector', { reason: 'Parts missing' });
    // R-3's connector step, skipped by another station after the preview and before the confirm.
    // (Unbatched there, so the skip stays on R-3.)
    const server = new Plant();
    const skip = server.apply({ ...server.stepOp('skip', 'R-3', 'connector', { reason: 'Not fitted' }), id: 'ST-2-op-1', stationId: 'ST-2' });
    const { result, readPlainly } = await confirmAfterPreview(db, op, () => applyServerPage(db, { changes: skip.changes.filter((c) => c.entity === 'runStep'), outcomes: [], cursor: 5 }));
    expect(readPlainly).toBe(true);
    // The hold reaches R-2 only: R-3's step is skipped now, as the plain check saw.
    expect(result.ok && result.outcome.propagatedTo.map((p) => p.runId)).toEqual(['R-2']);
    expect((await db.runSteps.get('R-3/connector'))?.state).toBe('skipped');
  });

  it('checks the operation the plain way after any write to the cache since the preview, even to rows it did not read', async () => {
    const { plant, db } = await batchedStation();
    const op = plant.stepOp('hold', 'R-1', 'connector', { reason: 'Parts missing' });
    const outsider = new Plant([{ procedure: boardV1, ids: ['R-9'] }]);
    const { result, readPlainly } = await confirmAfterPreview(db, op, () => applyServerPage(db, { changes: [{ entity: 'run', op: 'put', row: outsider.run('R-9') }], outcomes: [], cursor: 5 }));
    expect(readPlainly).toBe(true);
    expect(result.ok && result.outcome.propagatedTo).toHaveLength(2);
  });

  it('takes the next sequence number the plain way when another operation took the expected one', async () => {
    const { plant, db } = await batchedStation();
    const op = plant.stepOp('hold', 'R-1', 'connector', { reason: 'Parts missing' });
    const other = plant.stepOp('start', 'R-2', 'inspect', {});
    // Another tab of the same station saved an operation: this page's expected sequence is stale.
    const { result, readPlainly } = await confirmAfterPreview(db, op, () => db.transaction('rw', [db.outbox, db.meta], async () => {
      await db.outbox.add({ seq: 2, id: other.id, op: other });
      await db.meta.put({ key: 'nextSeq', value: 3 });
    }));
    expect(readPlainly).toBe(true);
    expect(result.ok && result.seq).toBe(3);
    expect((await db.outbox.toArray()).map((e) => [e.seq, e.id])).toEqual([[1, expect.any(String)], [2, other.id], [3, op.id]]);
  });

  it('says an operation already saved is saved, and writes nothing again', async () => {
    const { plant, db } = await batchedStation();
    const op = plant.stepOp('hold', 'R-1', 'connector', { reason: 'Parts missing' });
    expect((await confirmAfterPreview(db, op)).result.ok).toBe(true);
    const before = await everything(db);
    const again = await confirmAfterPreview(db, op);
    expect(again.result).toEqual({ ok: true, seq: 2, outcome: { status: 'applied', note: 'Already saved on this station', propagatedTo: [] } });
    expect(await everything(db)).toEqual(before);
  });

  it('keeps expecting the next free sequence number after an operation found already saved', async () => {
    const { plant, db } = await batchedStation();
    const first = plant.stepOp('hold', 'R-1', 'connector', { reason: 'Parts missing' });
    expect((await enqueue(db, first)).ok).toBe(true);
    expect((await enqueue(db, plant.stepOp('start', 'R-2', 'inspect', {}))).ok).toBe(true);
    // Saved again: found at 2, while 4 is the next free number.
    expect(await enqueue(db, first)).toMatchObject({ ok: true, seq: 2 });
    const next = await confirmAfterPreview(db, plant.stepOp('start', 'R-3', 'inspect', {}));
    expect(next.readPlainly).toBe(false);
    expect(next.result.ok && next.result.seq).toBe(4);
  });

  it('leaves a refusal to the plain way, which says why on the cache\'s own rows', async () => {
    const { plant, db } = await batchedStation();
    const op = plant.stepOp('signOff', 'R-1', 'qa', { meaning: 'performed', fieldValues: {} });
    const { result, readPlainly } = await confirmAfterPreview(db, op);
    expect(readPlainly).toBe(true);
    expect(result.ok).toBe(false);
  });
});
