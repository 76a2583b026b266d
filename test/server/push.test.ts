import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../shared/protocol/sync';
import { startTestServer, type TestServer } from './harness';
import { errorOf, StationClient } from './stationClient';

let server: TestServer;
let station: StationClient;

beforeEach(async () => {
  server = await startTestServer();
  station = await StationClient.enrol(server.url);
});
afterEach(async () => {
  await server.dispose();
});

const operationsCount = () => server.store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM operations').get()?.n;

describe('push', () => {
  it('applies an operation with the engine, records its outcome and moves the feed', async () => {
    const op = await station.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    const response = await station.push(op);
    expect(response.results).toEqual([
      { seq: 1, operationId: op.id, outcome: { status: 'applied', note: null, propagatedTo: [] }, duplicate: false, feedSeq: response.head },
    ]);
    expect(response.nextSeq).toBe(2);
    const step = await station.step('R-1', 'inspect');
    expect(step).toMatchObject({ state: 'complete', version: 1, completion: { signerName: 'Ana Ortiz' } });
    const { signatures } = await station.run('R-1');
    expect(signatures).toMatchObject([{ signerId: 'u-tech', meaning: 'performed', operationId: op.id, provenance: null }]);
  });

  it('records the audit trail with the station time and the server receive time', async () => {
    const op = await station.stepOp('start', 'R-1', 'inspect', {});
    await station.push(op);
    const reply = await station.get<{ items: { operationId: string; at: string; receivedAt: string; actorName: string; stationId: string }[] }>('/v1/runs/R-1/audit');
    expect(reply.body.items).toHaveLength(1);
    expect(reply.body.items[0]).toMatchObject({ operationId: op.id, at: op.at, actorName: 'Ana Ortiz', stationId: station.stationId, action: 'start' });
    expect(Date.parse(reply.body.items[0]?.receivedAt ?? '')).toBeGreaterThan(Date.parse(op.at) - 365 * 86_400_000);
  });

  it('gives a rejected operation its outcome and applies the one behind it', async () => {
    const bad = await station.stepOp('signOff', 'R-1', 'connector', { meaning: 'performed', fieldValues: {} });
    const good = await station.stepOp('start', 'R-1', 'inspect', {});
    const response = await station.push(bad, good);
    expect(response.results.map((r) => r.outcome.status)).toEqual(['rejected', 'applied']);
    expect(response.results[0]?.outcome).toMatchObject({ code: 'not_available' });
    expect(response.nextSeq).toBe(3);
    expect(operationsCount()).toBe(2);
  });

  it('rejects an operation on an unknown run, step or batch with a recorded outcome', async () => {
    const base = await station.stepOp('start', 'R-1', 'inspect', {});
    const response = await station.push(
      { ...base, id: 'x1', runId: 'R-404', stepId: 'R-404/inspect' },
      { ...base, id: 'x2', stepId: 'R-1/nope' },
      station.batchOp('renameBatch', { batchId: 'B-404', title: 'x' }),
    );
    expect(response.results.map((r) => r.outcome)).toMatchObject([
      { status: 'rejected', code: 'unknown_run', reason: 'Run R-404 does not exist' },
      { status: 'rejected', code: 'unknown_step' },
      { status: 'rejected', code: 'unknown_batch' },
    ]);
  });

  it('refuses an action the actor may not take, naming the missing permission', async () => {
    const redline = await station.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Fix' }, 'tech');
    const reopen = await station.stepOp('reopen', 'R-1', 'inspect', { reason: 'Again' }, 'tech');
    const batch = station.batchOp('createBatch', { batchId: 'B-1', title: null, runIds: ['R-1', 'R-2'] }, 'tech');
    const gone = await station.stepOp('start', 'R-1', 'inspect', {}, 'gone');
    const ghost = { ...(await station.stepOp('start', 'R-1', 'inspect', {})), actorId: 'u-nobody' };
    const response = await station.push(redline, reopen, batch, gone, ghost);
    expect(response.results.map((r) => r.outcome)).toEqual([
      { status: 'rejected', code: 'permission_denied', reason: 'Ana Ortiz does not have the EditRedline permission' },
      { status: 'rejected', code: 'permission_denied', reason: 'Ana Ortiz does not have the ReopenStep permission' },
      { status: 'rejected', code: 'permission_denied', reason: 'Ana Ortiz does not have the UpdateRunBatch permission' },
      { status: 'rejected', code: 'permission_denied', reason: "Former Employee's account is deactivated" },
      { status: 'rejected', code: 'unknown_user', reason: 'User u-nobody does not exist' },
    ]);
    expect((await station.step('R-1', 'inspect')).version).toBe(0);
  });

  it("refuses a sign-off by someone below the step's sign-off role", async () => {
    const qa = await station.stepOp('signOff', 'R-1', 'qa', { meaning: 'verified', fieldValues: { label: true } }, 'tech');
    expect(await station.pushOne(qa)).toEqual({ status: 'rejected', code: 'signoff_role', reason: 'Step 5 "Final QA" must be signed by a supervisor' });
  });
});

describe('push idempotency', () => {
  it('answers the same push sent twice with the recorded outcomes and changes nothing more', async () => {
    const ops = [await station.stepOp('start', 'R-1', 'inspect', {}), await station.stepOp('start', 'R-2', 'inspect', {})];
    const entries = ops.map((op, i) => ({ seq: i + 1, op }));
    const first = await station.pushEntries(entries);
    const headAfterFirst = server.store.feed.head();
    const second = await station.pushEntries(entries);
    expect(second.status).toBe(200);
    expect(second.body.results.map((r) => r.duplicate)).toEqual([true, true]);
    expect(second.body.results.map((r) => r.outcome)).toEqual(first.body.results.map((r) => r.outcome));
    expect(server.store.feed.head()).toBe(headAfterFirst);
    expect(operationsCount()).toBe(2);
  });

  it('after a lost response, a re-send from the start applies only what is new', async () => {
    const ops = await Promise.all(['R-1', 'R-2', 'R-3', 'R-4', 'R-5'].map((r) => station.stepOp('start', r, 'inspect', {})));
    await station.pushEntries(ops.slice(0, 3).map((op, i) => ({ seq: i + 1, op })));
    // The station never saw that answer: it sends everything again, plus two more.
    const resend = await station.pushEntries(ops.map((op, i) => ({ seq: i + 1, op })));
    expect(resend.status).toBe(200);
    expect(resend.body.results.map((r) => [r.seq, r.duplicate, r.outcome.status])).toEqual([
      [1, true, 'applied'],
      [2, true, 'applied'],
      [3, true, 'applied'],
      [4, false, 'applied'],
      [5, false, 'applied'],
    ]);
    expect(resend.body.nextSeq).toBe(6);
    expect(operationsCount()).toBe(5);
  });

  it('answers a gap with "resend from N" and changes nothing', async () => {
    await station.push(await station.stepOp('start', 'R-1', 'inspect', {}));
    const head = server.store.feed.head();
    const op = await station.stepOp('start', 'R-2', 'inspect', {});
    const reply = await station.pushEntries([{ seq: 4, op }]);
    expect(reply.status).toBe(409);
    expect(errorOf(reply)).toMatchObject({ code: 'sequence_gap', resendFrom: 2 });
    expect(errorOf(reply).message).toContain('resend from 2');
    expect(server.store.feed.head()).toBe(head);
    expect(operationsCount()).toBe(1);
  });

  it('refuses a sequence number re-used for another operation, changing nothing', async () => {
    await station.push(await station.stepOp('start', 'R-1', 'inspect', {}));
    const other = await station.stepOp('start', 'R-2', 'inspect', {});
    const reply = await station.pushEntries([{ seq: 1, op: other }, { seq: 2, op: await station.stepOp('start', 'R-3', 'inspect', {}) }]);
    expect(reply.status).toBe(409);
    expect(errorOf(reply).code).toBe('sequence_mismatch');
    expect(operationsCount()).toBe(1);
  });

  it('rolls back the whole push when a later entry is refused', async () => {
    const first = await station.stepOp('start', 'R-1', 'inspect', {});
    const foreign = { ...(await station.stepOp('start', 'R-2', 'inspect', {})), stationId: 'ST-999' };
    const reply = await station.pushEntries([{ seq: 1, op: first }, { seq: 2, op: foreign }]);
    expect(reply.status).toBe(403);
    expect(errorOf(reply).code).toBe('station_mismatch');
    expect(operationsCount()).toBe(0);
    expect((await station.step('R-1', 'inspect')).state).toBe('todo');
  });

  it('does not apply an operation id twice when it comes back under a new sequence number', async () => {
    const op = await station.stepOp('start', 'R-1', 'inspect', {});
    const first = await station.push(op);
    const again = await station.push(op);
    expect(again.results[0]).toMatchObject({ seq: 2, duplicate: true, outcome: first.results[0]?.outcome });
    expect(again.nextSeq).toBe(3);
    expect(operationsCount()).toBe(1);
  });

  it('refuses an operation id another station already used', async () => {
    const other = await StationClient.enrol(server.url, 'Other');
    const op = await station.stepOp('start', 'R-1', 'inspect', {});
    await station.push(op);
    const reply = await other.pushEntries([{ seq: 1, op: { ...op, stationId: other.stationId } }]);
    expect(reply.status).toBe(409);
    expect(errorOf(reply).code).toBe('operation_id_conflict');
  });

  it('keeps sequence numbers per station', async () => {
    const other = await StationClient.enrol(server.url, 'Other');
    const a: PushResponse = await station.push(await station.stepOp('start', 'R-1', 'inspect', {}));
    const b: PushResponse = await other.push(await other.stepOp('start', 'R-2', 'inspect', {}));
    expect([a.nextSeq, b.nextSeq]).toEqual([2, 2]);
  });
});
