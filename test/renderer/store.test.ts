import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../shared/engine/apply';
import { applyChanges } from '../../shared/engine/state';
import type { Operation } from '../../shared/schemas/operation';
import type { StationDb } from '../../renderer/src/store/db';
import { enqueue } from '../../renderer/src/store/enqueue';
import { NewerCacheError, openStationDb } from '../../renderer/src/store/open';
import { currentSchemaVersion } from '../../renderer/src/store/schema';
import { seedCache } from '../../renderer/src/store/seed';
import { applyServerPage, type ServerOutcome } from '../../renderer/src/store/serverPage';
import { Plant } from '../shared/fixtures';
import { plantRows, upgradedFrom } from './stationCache';

/** A station cache in fake-indexeddb, seeded with the plant's rows as the server's truth. */
async function stationFor(plant: Plant, factory = new IDBFactory()) {
  const db = await openStationDb('station-test', { indexedDB: factory, IDBKeyRange });
  await seedCache(db, plantRows(plant));
  return { db, factory };
}

/** The engine-state rows of the cache, to compare with the server's. */
async function cacheState(db: StationDb) {
  const [runs, steps, batches] = await Promise.all([db.runs.toArray(), db.runSteps.toArray(), db.batches.toArray()]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  return { runs: byId(runs), steps: byId(steps), batches: byId(batches) };
}

/** The server's answer to an operation: applied on its own state, returned as a page. */
function serverApplies(server: Plant, op: Operation, cursor: number) {
  const result = applyOperation(server.state, op);
  server.state = applyChanges(server.state, result.changes);
  return { changes: result.changes, outcomes: [{ operationId: op.id, outcome: result.outcome, feedSeq: cursor }], cursor };
}

/** A station that queued a start of R-1's inspect step, and the server's answer at feed position `feedSeq`. */
async function startQueuedAnsweredAt(feedSeq: number) {
  const station = new Plant();
  const { db } = await stationFor(station);
  const op = station.stepOp('start', 'R-1', 'inspect', {});
  await enqueue(db, op);
  return { db, answer: serverApplies(new Plant(), op, feedSeq) };
}

describe('station store', () => {
  it('enqueues an operation with its optimistic effects and the next sequence number, durably', async () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2']);
    const { db, factory } = await stationFor(plant);
    const op = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    const result = await enqueue(db, op);
    expect(result).toMatchObject({ ok: true, seq: 1, outcome: { status: 'applied', propagatedTo: [{ runId: 'R-2' }] } });
    db.close();

    const reopened = await openStationDb('station-test', { indexedDB: factory, IDBKeyRange });
    expect(await reopened.outbox.toArray()).toEqual([{ seq: 1, id: op.id, op }]);
    expect((await reopened.runSteps.get('R-2/inspect'))?.state).toBe('complete');
    expect(await reopened.signatures.count()).toBe(2);
    expect((await reopened.shadows.toArray()).map((s) => s.key).sort()).toContain('runStep:R-2/inspect');
  });

  it('stores nothing for an operation the engine refuses, and says why', async () => {
    const plant = new Plant();
    const { db } = await stationFor(plant);
    const result = await enqueue(db, plant.stepOp('start', 'R-1', 'connector', {}));
    expect(result).toEqual({
      ok: false,
      outcome: { status: 'rejected', code: 'not_available', reason: 'Step 1 "Inspect board" must be done first (it is to do)' },
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
    const next = await enqueue(db, plant.stepOp('start', 'R-1', 'inspect', {}));
    expect(next).toMatchObject({ ok: true, seq: 1 });
  });

  it('numbers operations without gaps and keeps an operation once however often it is enqueued', async () => {
    const plant = new Plant();
    const { db } = await stationFor(plant);
    const start = plant.stepOp('start', 'R-1', 'inspect', {});
    await enqueue(db, start);
    await enqueue(db, start);
    await enqueue(db, plant.stepOp('start', 'R-2', 'inspect', {}));
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('rolls a refused operation back on screen and keeps its outcome for the technician', async () => {
    const plant = new Plant();
    const server = new Plant();
    const { db } = await stationFor(plant);
    const op = plant.stepOp('start', 'R-1', 'inspect', {});
    await enqueue(db, op);
    expect((await db.runSteps.get('R-1/inspect'))?.state).toBe('in_progress');
    await applyServerPage(db, {
      changes: [],
      outcomes: [{ operationId: op.id, outcome: { status: 'rejected', code: 'permission_denied', reason: 'No' }, feedSeq: null }],
      cursor: 0,
    });
    expect((await db.runSteps.get('R-1/inspect'))?.state).toBe('todo');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
    expect(await db.outcomes.get(op.id)).toMatchObject({ seq: 1, kind: 'start', outcome: { status: 'rejected', reason: 'No' } });
    expect(await cacheState(db)).toEqual({ runs: server.state.runs, steps: server.state.steps, batches: server.state.batches });
  });

  it('converges on the server state once the server applied what it was sent', async () => {
    const station = new Plant();
    station.batch('B-1', ['R-1', 'R-2', 'R-3']);
    const server = new Plant();
    server.state = station.state;
    const { db } = await stationFor(station);
    const op = station.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    await enqueue(db, op);
    // Meanwhile R-3 left the batch at the server: the server's outcome differs from the station's.
    const remove = station.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' });
    const first = serverApplies(server, remove, 1);
    const second = serverApplies(server, op, 2);
    await applyServerPage(db, { changes: [...first.changes, ...second.changes], outcomes: second.outcomes, cursor: 2 });
    expect(await db.outbox.count()).toBe(0);
    expect(await cacheState(db)).toEqual({ runs: server.state.runs, steps: server.state.steps, batches: server.state.batches });
    expect((await db.runSteps.get('R-3/inspect'))?.state).toBe('todo');
    expect((await db.outcomes.get(op.id))?.outcome).toMatchObject({ status: 'applied_with_exclusions', excluded: [{ runId: 'R-3', review: true }] });
    expect((await db.signatures.toArray()).map((s) => s.runId).sort()).toEqual(['R-1', 'R-2']);
    expect((await db.meta.get('cursor'))?.value).toBe(2);
  });

  it('re-applies the operations still waiting on top of what other stations did', async () => {
    const station = new Plant();
    station.batch('B-1', ['R-1', 'R-2']);
    const server = new Plant();
    server.state = station.state;
    const { db } = await stationFor(station);
    const mine = station.stepOp('start', 'R-1', 'connector', {});
    const signInspect = station.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    await enqueue(db, signInspect);
    await enqueue(db, mine);
    const theirs = serverApplies(server, { ...station.stepOp('skip', 'R-2', 'qa', { reason: 'Customer waived QA' }), stationId: 'ST-2' }, 6);
    expect(theirs.outcomes[0]?.outcome).toMatchObject({ status: 'applied', propagatedTo: [{ runId: 'R-1' }] });
    await applyServerPage(db, { changes: theirs.changes, outcomes: [], cursor: 6 });
    expect((await db.runSteps.get('R-1/qa'))?.state).toBe('skipped');
    expect((await db.runSteps.get('R-2/connector'))?.state).toBe('in_progress');
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([signInspect.id, mine.id]);
  });

  it('keeps an operation waiting until the page holding its effects arrives', async () => {
    const { db, answer } = await startQueuedAnsweredAt(9);
    await applyServerPage(db, { changes: [], outcomes: answer.outcomes, cursor: 3 });
    expect(await db.outbox.count()).toBe(1);
    expect((await db.runSteps.get('R-1/inspect'))?.state).toBe('in_progress');
    await applyServerPage(db, { changes: answer.changes, outcomes: [], cursor: 9 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
    expect((await db.runSteps.get('R-1/inspect'))?.state).toBe('in_progress');
  });

  it('refuses a page that does not follow its cursor, writing nothing of it, and takes it once the gap is filled', async () => {
    const { db, answer } = await startQueuedAnsweredAt(9);
    // The page up to 5 did not commit here, so the one after it must not either.
    await expect(applyServerPage(db, { since: 5, changes: answer.changes, outcomes: answer.outcomes, cursor: 9 })).rejects.toThrow(/follows feed position 5, but this station holds up to 0/);
    expect(await db.meta.get('cursor')).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
    expect(await db.outcomes.count()).toBe(0);
    await applyServerPage(db, { since: 0, changes: [], outcomes: [], cursor: 5, more: true });
    await applyServerPage(db, { since: 5, changes: answer.changes, outcomes: answer.outcomes, cursor: 9 });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.runSteps.get('R-1/inspect'))?.state).toBe('in_progress');
  });

  it('finds answered operations by the sequence number the server names, and retires exactly those', async () => {
    const station = new Plant();
    const server = new Plant();
    const { db } = await stationFor(station);
    const ops = ['R-1', 'R-2', 'R-3'].map((runId) => station.stepOp('start', runId, 'inspect', {}));
    for (const op of ops) expect(await enqueue(db, op)).toMatchObject({ ok: true });
    const answers = ops.map((op, i) => serverApplies(server, op, i + 1));
    const outcome = (i: number, stationSeq: number) => ({ ...answers[i]?.outcomes[0], stationSeq }) as ServerOutcome;
    // The first and the last answered; the last under a number that holds another operation here
    // (a station enrolled again, say), so it is found by its id instead.
    await applyServerPage(db, { changes: answers.flatMap((a) => a.changes), outcomes: [outcome(0, 1), outcome(2, 2)], cursor: 3 });
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([ops[1]?.id]);
    const recorded = await db.outcomes.toArray();
    expect(recorded.map((o) => [o.operationId, o.seq, o.op?.id])).toEqual([
      [ops[0]?.id, 1, ops[0]?.id],
      [ops[2]?.id, 3, ops[2]?.id],
    ]);
  });

  it('upgrades a version 1 cache in place, keeping its outbox and rows', async () => {
    const plant = new Plant();
    const op = plant.stepOp('start', 'R-1', 'inspect', {});
    const db = await upgradedFrom(1, async (old) => {
      await old.table('outbox').add({ seq: 1, id: op.id, op });
      await old.table('runs').put(plant.run('R-1'));
    });
    expect(await db.outbox.toArray()).toEqual([{ seq: 1, id: op.id, op }]);
    expect(await db.runs.get('R-1')).toEqual(plant.run('R-1'));
    await db.verifiers.put({ userId: 'u-tech', badgeId: '1001', iterations: 1000, keyLength: 32, salt: 'c2FsdA==', hash: 'aGFzaA==' });
    expect(await db.verifiers.where('badgeId').equals('1001').count()).toBe(1);
  });

  it('refuses a cache written by a newer version, changing nothing', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      // Dexie stores version N as IndexedDB version N * 10.
      const request = factory.open('station-test', (currentSchemaVersion + 1) * 10);
      request.onupgradeneeded = () => request.result.createObjectStore('future');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => {
        reject(new Error('could not create the newer database'));
      };
    });
    await expect(openStationDb('station-test', { indexedDB: factory, IDBKeyRange })).rejects.toBeInstanceOf(NewerCacheError);
    await expect(openStationDb('station-test', { indexedDB: factory, IDBKeyRange })).rejects.toThrow(/newer version of Lockstep/);
    const [after] = await factory.databases();
    expect(after).toEqual({ name: 'station-test', version: (currentSchemaVersion + 1) * 10 });
  });
});
