import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../shared/engine/apply';
import type { Operation } from '../../shared/schemas/operation';
import type { StationDb } from '../../renderer/src/store/db';
import { loadSlice } from '../../renderer/src/store/loader';
import { readRunsAndSteps } from '../../renderer/src/store/runRangeReads';
import { storedKeys } from '../../renderer/src/store/storedKeys';
import { boardV1, Plant } from '../shared/fixtures';
import { emptyStation, plantStation } from './stationCache';

/** A station cache seeded with the plant's rows as the server's truth. */
const stationFor = plantStation;

/** What reading each run on its own gives: the reference the range reads must match. */
async function oneAtATime(db: StationDb, ids: readonly string[]) {
  const runs = await db.runs.bulkGet([...ids]);
  const steps = await Promise.all(ids.map((id) => db.runSteps.where('runId').equals(id).toArray()));
  return { runs, steps };
}

const numbered = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 10)}`);

describe('reading many runs with their steps', () => {
  // A-10…A-21 sit together in key order; each X-1n-b sits between two wanted X-1n-a.
  const together = numbered('A-', 12);
  const interleaved = numbered('X-', 12).flatMap((id) => [`${id}-a`, `${id}-b`]);
  const plant = new Plant([{ procedure: boardV1, ids: [...together, ...interleaved, 'Z-1'] }]);

  it('gives each run and its steps, in the order asked, as reading them one by one does', async () => {
    const db = await stationFor(plant);
    const wanted = [...together].reverse().concat(['A-missing', 'A-12']);
    const expected = await oneAtATime(db, wanted);
    // Twelve runs, one of them asked for twice, and one the cache does not hold.
    expect(expected.steps.flat()).toHaveLength(13 * boardV1.steps.length);
    expect(await db.transaction('r', [db.runs, db.runSteps], () => readRunsAndSteps(db, wanted))).toEqual(expected);
    // Outside a transaction (Dexie's own calls) the answer is the same.
    expect(await readRunsAndSteps(db, wanted)).toEqual(expected);
  });

  it('leaves out the runs in between that were not asked for', async () => {
    const db = await stationFor(plant);
    // Every other run of the range: more runs in it than asked for, so they are read one by one.
    const wanted = interleaved.filter((id) => id.endsWith('-a'));
    const expected = await oneAtATime(db, wanted);
    const read = await db.transaction('r', [db.runs, db.runSteps], () => readRunsAndSteps(db, wanted));
    expect(read).toEqual(expected);
    expect(read.runs.map((r) => r?.id)).toEqual(wanted);
    // Only a few runs between them: read as one range, the others dropped.
    const most = interleaved.filter((id) => id !== 'X-15-b').slice(0, 20);
    expect(await db.transaction('r', [db.runs, db.runSteps], () => readRunsAndSteps(db, most))).toEqual(await oneAtATime(db, most));
  });
});

describe('which keys a table holds', () => {
  it('finds the stored ones among those asked, whether few or many other keys lie between them', async () => {
    const { db } = await emptyStation();
    const stored = Array.from({ length: 60 }, (_, i) => `run:R-${String(100 + i)}`);
    await db.shadows.bulkPut(stored.map((key) => ({ key, entity: 'run' as const, id: key.slice(4), row: null })));
    const asked = ['run:R-100', 'run:R-101', 'run:R-159', 'run:R-200', 'run:A-1'];
    // The range R-100…R-200 holds all 60: more than the cap, so each key is looked up.
    expect(await db.transaction('r', db.shadows, () => storedKeys(db.shadows, asked))).toEqual(new Set(['run:R-100', 'run:R-101', 'run:R-159']));
    // A narrow range: read whole.
    expect(await storedKeys(db.shadows, ['run:R-120', 'run:R-122', 'run:R-122', 'run:R-1205'])).toEqual(new Set(['run:R-120', 'run:R-122']));
    expect(await storedKeys(db.shadows, [])).toEqual(new Set());
  });
});

describe('the slice an operation is checked against', () => {
  const members = numbered('R-', 10);

  /** A plant with one 10-run batch and a hold built on what the station showed then (its `seen`). */
  function arranged() {
    const plant = new Plant([{ procedure: boardV1, ids: [...members, 'R-90', 'R-91'] }]);
    plant.batch('B-1', members);
    plant.batch('B-2', ['R-90']);
    const op = plant.stepOp('hold', 'R-10', 'inspect', { reason: 'Scope' });
    return { plant, op };
  }

  /** The station's outcome against the cache equals the engine's against the whole plant. */
  async function expectSameAsWholePlant(plant: Plant, op: Operation) {
    const db = await stationFor(plant);
    const slice = await db.transaction('r', [db.runs, db.runSteps, db.procedures, db.batches, db.users, db.reviews], () => loadSlice(db, op));
    expect(applyOperation(slice, op)).toEqual(applyOperation(plant.state, op));
    return applyOperation(slice, op);
  }

  it('propagates to the batch as the author saw it', async () => {
    const { plant, op } = arranged();
    const result = await expectSameAsWholePlant(plant, op);
    expect(result.outcome.status === 'applied' && result.outcome.propagatedTo).toHaveLength(9);
  });

  it('is the same when the batch changed after the author saw it', async () => {
    const left = arranged();
    left.plant.must(left.plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-15' }));
    left.plant.must(left.plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-91'] }));
    const result = await expectSameAsWholePlant(left.plant, left.op);
    expect(result.outcome.status).toBe('applied_with_exclusions');

    const moved = arranged();
    moved.plant.must(moved.plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-10' }));
    moved.plant.must(moved.plant.batchOp('addRunsToBatch', { batchId: 'B-2', runIds: ['R-10'] }));
    await expectSameAsWholePlant(moved.plant, moved.op);

    const gone = arranged();
    gone.plant.must(gone.plant.batchOp('unbatchAll', { batchId: 'B-1' }));
    await expectSameAsWholePlant(gone.plant, gone.op);
  });
});
