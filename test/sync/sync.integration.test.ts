import { describe, expect, it } from 'vitest';
import { boardV1, Plant } from '../shared/fixtures';
import { stepById } from '../../renderer/src/store/runSteps';
import { expectConverged } from './convergence';
import { serverWithStations } from './serverWithStations';

/**
 * Stations and the central server end to end in one process: real store, real worker, real
 * HTTP on loopback, real SQLite. Operations are built with the fixtures' Plant for their ids and
 * shapes, and their `seen` read from each station's own cache.
 */
describe('station sync against the real server', () => {
  /** Builds operations (ids, shapes); each station fills in what it sees when it acts. */
  const ops = new Plant([{ procedure: boardV1, ids: ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'] }]);
  const plant = serverWithStations();
  const { station, head } = plant;

  it('bootstraps a new station from the feed: its cache equals the server', async () => {
    const a = await station('a');
    expect(await a.db.runs.count()).toBe(9);
    await expectConverged(a.db, plant.server.store);
  });

  it('one station signs a batched step; the other sees every sibling change without reloading', async () => {
    const a = await station('a');
    const b = await station('b');
    const batch = ops.batchOp('createBatch', { batchId: 'A-1', runIds: ['R-1', 'R-2', 'R-3'], title: 'Lot 7' });
    expect((await a.act(batch)).ok).toBe(true);
    await a.settled(head);
    await b.settled(head);
    const sign = ops.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    const result = await a.act(sign);
    expect(result).toMatchObject({ ok: true, outcome: { status: 'applied', propagatedTo: [{ runId: 'R-2' }, { runId: 'R-3' }] } });
    await a.settled(head);
    await b.settled(head);
    for (const run of ['R-1', 'R-2', 'R-3']) expect((await stepById(b.db, `${run}/inspect`))?.state).toBe('complete');
    expect((await b.db.signatures.where('runId').equals('R-3').first())?.provenance).toEqual({ batchId: 'A-1', fromRunId: 'R-1', fromStepId: 'R-1/inspect' });
    expect((await a.db.outcomes.get(sign.id))?.outcome.status).toBe('applied');
    await expectConverged(a.db, plant.server.store);
    await expectConverged(b.db, plant.server.store);
  });

  it('offline work drains when the station comes back, and conflicts are kept on both sides', async () => {
    const a = await station('a');
    const b = await station('b');
    await a.act(ops.stepOp('start', 'R-4', 'inspect', {}));
    await a.settled(head);
    await b.settled(head);
    a.online.set(false);
    b.online.set(false);
    const complete = ops.stepOp('signOff', 'R-4', 'inspect', { meaning: 'performed', fieldValues: {} });
    const fail = ops.stepOp('fail', 'R-4', 'inspect', { reason: 'Cracked' }, 'tech2');
    expect((await a.act(complete)).ok).toBe(true);
    expect((await b.act(fail)).ok).toBe(true);
    expect((await stepById(a.db, 'R-4/inspect'))?.state).toBe('complete');
    expect((await stepById(b.db, 'R-4/inspect'))?.state).toBe('failed');
    a.online.set(true);
    await a.settled(head);
    b.online.set(true);
    await b.settled(head);
    await a.settled(head);
    expect((await b.db.outcomes.get(fail.id))?.outcome).toMatchObject({ status: 'needs_review', code: 'stale_step' });
    expect((await stepById(b.db, 'R-4/inspect'))?.state).toBe('complete');
    await expectConverged(a.db, plant.server.store);
    await expectConverged(b.db, plant.server.store);
  });

  it('a run removed from the batch while a station was offline is left out of its later sign-off and listed for review', async () => {
    const a = await station('a');
    const b = await station('b');
    await b.act(ops.batchOp('createBatch', { batchId: 'B-9', runIds: ['R-4', 'R-5', 'R-6'], title: null }));
    await b.settled(head);
    await a.settled(head);
    a.online.set(false);
    const sign = ops.stepOp('signOff', 'R-4', 'inspect', { meaning: 'performed', fieldValues: {} });
    expect(await a.act(sign)).toMatchObject({ ok: true, outcome: { propagatedTo: [{ runId: 'R-5' }, { runId: 'R-6' }] } });
    await b.act(ops.batchOp('removeRunFromBatch', { batchId: 'B-9', runId: 'R-6' }));
    await b.settled(head);
    a.online.set(true);
    await a.settled(head);
    await b.settled(head);
    expect((await a.db.outcomes.get(sign.id))?.outcome).toMatchObject({
      status: 'applied_with_exclusions',
      propagatedTo: [{ runId: 'R-5' }],
      excluded: [{ runId: 'R-6', review: true }],
    });
    expect((await stepById(a.db, 'R-6/inspect'))?.state).toBe('todo');
    const queue = await a.client.get<{ items: { review: { operationId: string } }[] }>('/v1/review?actorId=u-sup');
    expect(queue.body.items.map((i) => i.review.operationId)).toContain(sign.id);
    await expectConverged(a.db, plant.server.store);
    await expectConverged(b.db, plant.server.store);
  });

  it('two offline redlines of the same step: the second needs review and overwrites nothing', async () => {
    const a = await station('a');
    const b = await station('b');
    a.online.set(false);
    b.online.set(false);
    const first = ops.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Station A fix' }, 'eng');
    const second = ops.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Station B fix' }, 'admin');
    await a.act(first);
    await a.act(ops.stepOp('redlineEdit', 'R-1', 'inspect', { changes: { instructions: 'From A' } }, 'eng'));
    await b.act(second);
    await b.act(ops.stepOp('redlineEdit', 'R-1', 'inspect', { changes: { instructions: 'From B' } }, 'admin'));
    a.online.set(true);
    await a.settled(head);
    b.online.set(true);
    await b.settled(head);
    await a.settled(head);
    expect((await b.db.outcomes.get(second.id))?.outcome).toMatchObject({ status: 'needs_review', code: 'concurrent_redline' });
    const step = await stepById(b.db, 'R-1/inspect');
    expect(step?.redline?.draft.instructions).toBe('From A');
    await expectConverged(a.db, plant.server.store);
    await expectConverged(b.db, plant.server.store);
  });

  it('an hour offline with 2,000 operations queued: the queue drains, each applied once, and the cache matches the server', async () => {
    const a = await station('a');
    const b = await station('b');
    a.online.set(false);
    const hourStart = Date.parse('2026-11-26T09:00:00.000Z');
    for (let i = 0; i < 2000; i++) {
      const run = `R-${String(1 + (i % 6))}`;
      const op = i % 2 === 0 ? ops.stepOp('hold', run, 'inspect', { reason: 'Waiting for the fixture' }) : ops.stepOp('release', run, 'inspect', {});
      // Spread over sixty minutes of the station's clock: recorded for people, never used to order.
      expect((await a.act({ ...op, at: new Date(hourStart + i * 1_800).toISOString() })).ok).toBe(true);
    }
    expect(await a.db.outbox.count()).toBe(2000);
    a.online.set(true);
    await a.settled(head, 120_000);
    await b.settled(head);
    const recorded = plant.server.store.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM operations WHERE station_id = ?').get(a.stationId)?.n;
    expect(recorded).toBe(2000);
    expect(await a.db.outcomes.count()).toBe(2000);
    await expectConverged(a.db, plant.server.store);
    await expectConverged(b.db, plant.server.store);
  }, 180_000);
});
