import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../shared/engine/apply';
import { applyChanges } from '../../shared/engine/state';
import type { Operation } from '../../shared/schemas/operation';
import type { AuditEntry } from '../../shared/schemas/audit';
import type { StationDb } from '../../renderer/src/store/db';
import { enqueue } from '../../renderer/src/store/enqueue';
import { applyServerPage, settleLeftShadows } from '../../renderer/src/store/serverPage';
import { Plant } from '../shared/fixtures';
import { plantStation } from './stationCache';

/** A station cache seeded with the plant's rows as the server's truth. */
const stationFor = plantStation;

const refused = (op: Operation) => ({
  changes: [],
  outcomes: [{ operationId: op.id, outcome: { status: 'rejected' as const, code: 'permission_denied' as const, reason: 'No' }, feedSeq: null }],
  cursor: 0,
});

async function snapshot(db: StationDb) {
  const [runs, steps, batches, audit] = await Promise.all([db.runs.toArray(), db.runSteps.toArray(), db.batches.toArray(), db.audit.toArray()]);
  return { runs, steps, batches, audit };
}

describe('shadows of optimistic writes', () => {
  it('undoes a refused propagated change: sibling steps and runs put back, its audit entries gone', async () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
    const db = await stationFor(plant);
    const before = await snapshot(db);
    const op = plant.stepOp('hold', 'R-1', 'inspect', { reason: 'Parts missing' });
    const saved = await enqueue(db, op);
    expect(saved.ok && saved.outcome.propagatedTo.map((p) => p.runId)).toEqual(['R-2', 'R-3']);
    expect(await db.audit.count()).toBe(before.audit.length + 3);
    // The three new audit entries share one shadow that lists them; runs and steps have one each.
    const created = (await db.shadows.toArray()).filter((s) => s.created);
    expect(created).toHaveLength(1);
    expect([...(created[0]?.created ?? [])].sort()).toEqual((await db.audit.filter((a) => a.operationId === op.id).primaryKeys()).sort());
    await applyServerPage(db, refused(op));
    expect(await snapshot(db)).toEqual(before);
    expect(await db.shadows.count()).toBe(0);
  });

  it('undoes a refused batch creation: the new batch deleted, the runs out of it again', async () => {
    const plant = new Plant();
    const db = await stationFor(plant);
    const before = await snapshot(db);
    const op = plant.batchOp('createBatch', { batchId: 'B-9', runIds: ['R-1', 'R-2'], title: null });
    expect((await enqueue(db, op)).ok).toBe(true);
    expect((await db.runs.get('R-1'))?.batchId).toBe('B-9');
    await applyServerPage(db, refused(op));
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps an audit entry the server already sent as the server sent it, when an operation writes it again', async () => {
    const plant = new Plant();
    const db = await stationFor(plant);
    const op = plant.stepOp('start', 'R-1', 'inspect', {});
    // The entry the operation will write, already here from the server with its own wording.
    const serverEntry = { ...(await entryOf(op)), reason: 'As the server recorded it' };
    await db.transaction('rw', [db.audit, db.meta], () => db.audit.put(serverEntry));
    await enqueue(db, op);
    expect((await db.audit.get(serverEntry.id))?.reason).toBeNull();
    await applyServerPage(db, refused(op));
    expect(await db.audit.get(serverEntry.id)).toEqual(serverEntry);
  });
});

/** The server's answer to an operation: applied on its own state, returned as a page's rows and outcome. */
function serverApplies(server: Plant, op: Operation, cursor: number) {
  const result = applyOperation(server.state, op);
  server.state = applyChanges(server.state, result.changes);
  return { changes: result.changes, outcomes: [{ operationId: op.id, outcome: result.outcome, feedSeq: cursor }], cursor };
}

/**
 * A station that saved a start on R-1 while offline, and a catch-up's first page: another
 * station's hold on the same run, with more pages behind it.
 */
async function catchUpUnderWay() {
  const station = new Plant();
  const server = new Plant();
  const db = await stationFor(station);
  const mine = station.stepOp('start', 'R-1', 'inspect', {});
  await enqueue(db, mine);
  const theirs = serverApplies(server, { ...server.stepOp('hold', 'R-1', 'connector', { reason: 'Parts missing' }), id: 'ST-2-op-1', stationId: 'ST-2' }, 4);
  await applyServerPage(db, { changes: theirs.changes, outcomes: [], cursor: 4, more: true });
  return { db, server, mine };
}

describe('a catch-up of several pages', () => {
  it('keeps waiting work on screen until the last page, then converges on the server', async () => {
    const { db, server, mine } = await catchUpUnderWay();
    expect((await db.runSteps.get('R-1/inspect'))?.state).toBe('in_progress');
    expect((await db.runSteps.get('R-1/connector'))?.state).toBe('hold');
    expect(await db.outbox.count()).toBe(1);
    // The server's own audit entry of my operation, in a page with more behind it, then the last page.
    const answer = serverApplies(server, mine, 8);
    await applyServerPage(db, { changes: answer.changes, outcomes: [], cursor: 7, more: true });
    // Its list of created audit rows is gone with the last of them sent; the step's shadow stays.
    expect((await db.shadows.toArray()).filter((r) => r.created)).toEqual([]);
    expect(await db.shadows.get('runStep:R-1/inspect')).toBeDefined();
    await applyServerPage(db, { changes: [], outcomes: answer.outcomes, cursor: 8 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
    const audit = await db.audit.filter((a) => a.operationId === mine.id).toArray();
    expect(audit.map((a) => a.stepId)).toEqual(['R-1/inspect']);
    const [runs, steps] = await Promise.all([db.runs.toArray(), db.runSteps.toArray()]);
    expect(new Map(runs.map((r) => [r.id, r]))).toEqual(server.state.runs);
    expect(new Map(steps.map((r) => [r.id, r]))).toEqual(server.state.steps);
  });
});

describe('a catch-up cut short by a reload', () => {
  it('is settled at the next start when nothing waits any more: the rows are the server\'s again', async () => {
    const { db, server, mine } = await catchUpUnderWay();
    // My operation's answer, also in a page with more behind it.
    const answer = serverApplies(server, mine, 8);
    await applyServerPage(db, { ...answer, more: true });
    // The operation is answered and retired; the page that would end the catch-up never comes.
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBeGreaterThan(0);
    expect(await settleLeftShadows(db)).toBe(true);
    expect(await db.shadows.count()).toBe(0);
    const [runs, steps] = await Promise.all([db.runs.toArray(), db.runSteps.toArray()]);
    expect(new Map(runs.map((r) => [r.id, r]))).toEqual(server.state.runs);
    expect(new Map(steps.map((r) => [r.id, r]))).toEqual(server.state.steps);
  });

  it('leaves the optimistic writes alone while an operation still waits', async () => {
    const station = new Plant();
    const db = await stationFor(station);
    await enqueue(db, station.stepOp('start', 'R-1', 'inspect', {}));
    expect(await settleLeftShadows(db)).toBe(false);
    expect((await db.runSteps.get('R-1/inspect'))?.state).toBe('in_progress');
    expect(await db.shadows.count()).toBeGreaterThan(0);
  });
});

/** The audit entry `op` writes, found by enqueueing it on a scratch station. */
async function entryOf(op: Operation): Promise<AuditEntry> {
  const scratch = await stationFor(new Plant());
  await enqueue(scratch, op);
  const [entry] = await scratch.audit.filter((a) => a.operationId === op.id).toArray();
  if (!entry) throw new Error('the operation wrote no audit entry');
  return entry;
}
