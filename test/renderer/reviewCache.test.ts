import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../shared/engine/apply';
import { applyChanges } from '../../shared/engine/state';
import type { FeedEntry } from '../../shared/protocol/sync';
import type { Operation, OperationOf } from '../../shared/schemas/operation';
import type { CacheChange } from '../../renderer/src/store/cacheChanges';
import { enqueue } from '../../renderer/src/store/enqueue';
import { openStationDb } from '../../renderer/src/store/open';
import { seedCache } from '../../renderer/src/store/seed';
import { applyServerPage } from '../../renderer/src/store/serverPage';
import { toServerPage } from '../../renderer/src/sync/feedPage';
import { Plant, users } from '../shared/fixtures';
import { upgradedFrom } from './stationCache';

/** A server plant with one open left-out review: R-3 left the batch while a batched sign-off was on its way. */
function plantWithReview() {
  const plant = new Plant();
  plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
  const signOff = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'verified', fieldValues: {} });
  plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
  plant.apply(signOff);
  return { plant, reviewId: `${signOff.id}~R-3` };
}

async function stationFor(plant: Plant) {
  const db = await openStationDb('station-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  const put = (entity: CacheChange['entity'], rows: Iterable<unknown>) =>
    [...rows].map((row) => ({ entity, op: 'put', row }) as CacheChange);
  await seedCache(db, [
    ...put('run', plant.state.runs.values()),
    ...put('runStep', plant.state.steps.values()),
    ...put('batch', plant.state.batches.values()),
    ...put('user', plant.state.users.values()),
    ...put('review', plant.state.reviews.values()),
  ]);
  return db;
}

let counter = 0;
function resolveOp(plant: Plant, reviewId: string, action: OperationOf<'resolveReview'>['action']): OperationOf<'resolveReview'> {
  counter += 1;
  return { id: `resolve-${String(counter)}`, stationId: 'ST-1', actorId: users.sup.id, at: plant.now(), kind: 'resolveReview', reviewId, action, reason: 'Checked the unit' };
}

function serverApplies(server: Plant, op: Operation, cursor: number) {
  const result = applyOperation(server.state, op);
  server.state = applyChanges(server.state, result.changes);
  return { changes: result.changes, outcomes: [{ operationId: op.id, outcome: result.outcome, feedSeq: cursor }], cursor };
}

describe('review items in the station cache', () => {
  it('upgrades a version 2 cache to the current version, keeping its rows, with reviews indexed by run', async () => {
    const plant = new Plant();
    const db = await upgradedFrom(2, (old) => old.table('runs').put(plant.run('R-1')));
    expect(await db.runs.get('R-1')).toEqual(plant.run('R-1'));
    const { plant: withReview, reviewId } = plantWithReview();
    const review = withReview.state.reviews.get(reviewId);
    if (!review) throw new Error('no review');
    await db.transaction('rw', [db.reviews, db.meta], () => db.reviews.put(review));
    // Version 3 indexed reviews by step as well; version 6 dropped that index, which no query read.
    expect(await db.reviews.where('runId').equals('R-3').count()).toBe(1);
  });

  it("applies the feed's review entries to the cache", async () => {
    const { plant, reviewId } = plantWithReview();
    const db = await stationFor(new Plant());
    const row = plant.state.reviews.get(reviewId);
    if (!row) throw new Error('no review');
    const entry: FeedEntry = { seq: 7, committedAt: plant.now(), entity: 'review', op: 'put', row };
    await applyServerPage(db, toServerPage({ changes: [entry], outcomes: [], cursor: 7, head: 7, more: false }, 0));
    expect(await db.reviews.get(reviewId)).toEqual(row);
  });

  it('a resolution made offline shows at once, queues in the outbox, and converges on the server row', async () => {
    const { plant: server, reviewId } = plantWithReview();
    const db = await stationFor(server);
    const op = resolveOp(server, reviewId, 'applyToRun');
    const queued = await enqueue(db, op);
    expect(queued).toMatchObject({ ok: true, seq: 1 });
    expect((await db.reviews.get(reviewId))?.resolution).toMatchObject({ action: 'applyToRun', byName: 'Chen Wei', operationId: op.id });
    expect((await db.runSteps.get('R-3/inspect'))?.state).toBe('complete');
    expect((await db.audit.where('runId').equals('R-3').toArray()).map((a) => a.action).sort()).toEqual(['resolveReview', 'signOff']);
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([op.id]);

    const answer = serverApplies(server, op, 12);
    await applyServerPage(db, { changes: answer.changes, outcomes: answer.outcomes, cursor: 12 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
    expect(await db.reviews.get(reviewId)).toEqual(server.state.reviews.get(reviewId));
  });

  it('a resolution the server refuses is rolled back on screen: the item is open again', async () => {
    const { plant: server, reviewId } = plantWithReview();
    const db = await stationFor(server);
    const op = resolveOp(server, reviewId, 'acceptServer');
    await enqueue(db, op);
    // Meanwhile another supervisor decided at the server first.
    const other = serverApplies(server, { ...resolveOp(server, reviewId, 'reopen'), stationId: 'ST-2' }, 3);
    const mine = serverApplies(server, op, 4);
    expect(mine.outcomes[0]?.outcome).toMatchObject({ status: 'applied', note: expect.stringContaining('Already resolved by Chen Wei') as string });
    await applyServerPage(db, { changes: [...other.changes, ...mine.changes], outcomes: mine.outcomes, cursor: 4 });
    expect((await db.reviews.get(reviewId))?.resolution).toMatchObject({ action: 'reopen', operationId: other.outcomes[0]?.operationId });
  });

  it('an operation re-applied on this station never writes an open review over a decided one', async () => {
    const { plant: server, reviewId } = plantWithReview();
    const db = await stationFor(server);
    const decided = server.state.reviews.get(reviewId);
    if (!decided) throw new Error('no review');
    const resolved = { ...decided, version: 2, resolution: { action: 'acceptServer' as const, reason: 'ok', byId: 'u-sup', byName: 'Chen Wei', at: server.now(), operationId: 'x' } };
    await applyServerPage(db, { changes: [{ entity: 'review', op: 'put', row: resolved }], outcomes: [], cursor: 1 });
    await applyServerPage(db, { changes: [{ entity: 'review', op: 'put', row: decided }], outcomes: [], cursor: 2 });
    expect(await db.reviews.get(reviewId)).toEqual(resolved);
  });
});
