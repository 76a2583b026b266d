import { describe, expect, it } from 'vitest';
import { boardV1, Plant } from '../shared/fixtures';
import { stepById } from '../../renderer/src/store/runSteps';
import { expectConverged } from './convergence';
import { serverWithStations } from './serverWithStations';

/**
 * Review items end to end: raised at the server from what two offline stations did, synced to
 * every station's cache, and resolved offline at a station like any other operation.
 */
describe('review items across stations and the real server', () => {
  const ops = new Plant([{ procedure: boardV1, ids: ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'] }]);
  const plant = serverWithStations();
  const { station, head } = plant;
  const serverReview = (id: string) => plant.server.store.review.items(true).find((i) => i.review.id === id)?.review;

  it('a batched sign-off and a removal made offline raise a review on both stations; a supervisor resolves it offline at A', async () => {
    const a = await station('a');
    const b = await station('b');
    await b.act(ops.batchOp('createBatch', { batchId: 'B-7', runIds: ['R-4', 'R-5', 'R-6'], title: null }));
    await b.settled(head);
    await a.settled(head);

    // Both offline: A signs off through the batch as it sees it; B takes R-6 out of the batch.
    a.online.set(false);
    b.online.set(false);
    const sign = ops.stepOp('signOff', 'R-4', 'inspect', { meaning: 'performed', fieldValues: {} });
    expect((await a.act(sign)).ok).toBe(true);
    expect((await b.act(ops.batchOp('removeRunFromBatch', { batchId: 'B-7', runId: 'R-6' }))).ok).toBe(true);
    b.online.set(true);
    await b.settled(head);
    a.online.set(true);
    await a.settled(head);
    await b.settled(head);

    const reviewId = `${sign.id}~R-6`;
    for (const s of [a, b]) {
      expect(await s.db.reviews.get(reviewId), `${s.name} holds the review`).toMatchObject({ kind: 'left_out', runId: 'R-6', stepId: 'R-6/inspect', resolution: null });
    }
    expect((await stepById(a.db, 'R-6/inspect'))?.state).toBe('todo');

    // A supervisor at A decides while A is offline: it shows at once and waits in the outbox.
    a.online.set(false);
    const resolve = ops.batchOp('resolveReview', { reviewId, action: 'applyToRun', reason: 'Unit R-6 was inspected with the lot' }, 'sup');
    expect(await a.act(resolve)).toMatchObject({ ok: true, outcome: { status: 'applied' } });
    expect((await a.db.reviews.get(reviewId))?.resolution).toMatchObject({ action: 'applyToRun', byName: 'Chen Wei' });
    expect((await stepById(a.db, 'R-6/inspect'))?.state).toBe('complete');
    expect(await a.db.outbox.count()).toBe(1);
    expect(serverReview(reviewId)?.resolution).toBeNull();

    a.online.set(true);
    await a.settled(head);
    await b.settled(head);
    expect(serverReview(reviewId)?.resolution).toMatchObject({ action: 'applyToRun', operationId: resolve.id });
    for (const s of [a, b]) {
      expect((await s.db.reviews.get(reviewId))?.resolution?.operationId, `${s.name} holds the resolution`).toBe(resolve.id);
      const audit = await s.db.audit.where('runId').equals('R-6').toArray();
      expect(audit.find((e) => e.action === 'resolveReview'), `${s.name} holds the audit entry`).toMatchObject({ actorName: 'Chen Wei', reason: 'Unit R-6 was inspected with the lot' });
      expect((await s.db.signatures.where('runId').equals('R-6').first())?.provenance).toEqual({ batchId: 'B-7', fromRunId: 'R-4', fromStepId: 'R-4/inspect' });
    }
    await expectConverged(a.db, plant.server.store);
    await expectConverged(b.db, plant.server.store);
  });

  it('a sign-off and a fail of the same step made offline: the stale fail is a review both caches hold, and the first decision wins', async () => {
    const a = await station('a');
    const b = await station('b');
    await a.act(ops.stepOp('start', 'R-1', 'inspect', {}));
    await a.settled(head);
    await b.settled(head);
    a.online.set(false);
    b.online.set(false);
    await a.act(ops.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const fail = ops.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }, 'tech2');
    await b.act(fail);
    a.online.set(true);
    await a.settled(head);
    b.online.set(true);
    await b.settled(head);
    await a.settled(head);
    const reviewId = `${fail.id}~R-1`;
    for (const s of [a, b]) expect(await s.db.reviews.get(reviewId)).toMatchObject({ kind: 'stale_step', serverSide: { state: 'complete' } });

    // Both supervisors decide offline; the server keeps whichever arrives first.
    a.online.set(false);
    b.online.set(false);
    const accept = ops.batchOp('resolveReview', { reviewId, action: 'acceptServer', reason: 'The sign-off stands' }, 'sup');
    const reopen = ops.batchOp('resolveReview', { reviewId, action: 'reopen', reason: 'Inspect again' }, 'eng');
    expect((await a.act(accept)).ok).toBe(true);
    expect((await b.act(reopen)).ok).toBe(true);
    a.online.set(true);
    await a.settled(head);
    b.online.set(true);
    await b.settled(head);
    await a.settled(head);
    expect((await b.db.outcomes.get(reopen.id))?.outcome).toMatchObject({ status: 'applied', note: expect.stringContaining('Already resolved by Chen Wei') as string });
    for (const s of [a, b]) {
      expect((await s.db.reviews.get(reviewId))?.resolution?.action).toBe('acceptServer');
      expect((await stepById(s.db, 'R-1/inspect'))?.state).toBe('complete');
    }
    await expectConverged(a.db, plant.server.store);
    await expectConverged(b.db, plant.server.store);
  });
});
