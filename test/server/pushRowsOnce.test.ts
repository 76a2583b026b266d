import { afterEach, describe, expect, it } from 'vitest';
import type { Operation } from '../../shared/schemas/operation';
import { startTestServer, type TestServer } from './harness';
import { StationClient } from './stationClient';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.dispose()));
});

/** What a station can learn from a server: every row and the feed's order, without server clock times. */
function contents(server: TestServer) {
  const all = (sql: string) => server.store.db.prepare(sql).all();
  return {
    runs: all('SELECT id, batch_id, status, title, unit_serial, body FROM runs ORDER BY id'),
    steps: all('SELECT id, run_id, position, body FROM run_steps ORDER BY id'),
    batches: all('SELECT id, body FROM batches ORDER BY id'),
    signatures: all('SELECT id, run_id, step_id, operation_id, body FROM signatures ORDER BY id'),
    audit: all('SELECT id, operation_id, run_id, batch_id, body FROM audit ORDER BY rowid'),
    feed: all('SELECT seq, entity, entity_id, op FROM feed ORDER BY seq'),
    outcomes: all('SELECT id, station_seq, status, outcome, feed_seq FROM operations ORDER BY station_seq'),
  };
}

describe('a push of many operations on the same rows', () => {
  it('leaves the same rows and feed as pushing them one at a time', async () => {
    const oneByOne = await startTestServer();
    const together = await startTestServer();
    servers.push(oneByOne, together);
    const a = await StationClient.enrol(oneByOne.url, 'One by one');
    const b = await StationClient.enrol(together.url, 'Together');
    // Station ids come from the server; make them equal so operation rows compare equal.
    together.store.db.prepare('UPDATE stations SET id = ? WHERE id = ?').run(a.stationId, b.stationId);
    const sameStation = b.at(together.url);
    Object.assign(sameStation, { stationId: a.stationId });

    // Built one at a time against the first server, so each sees the state its predecessors left.
    const ops: Operation[] = [];
    const send = async (op: Operation) => {
      await a.push(op);
      ops.push(op);
    };
    await send(a.batchOp('createBatch', { batchId: 'B-1', title: null, runIds: ['R-1', 'R-2', 'R-3'] }));
    await send(await a.stepOp('start', 'R-1', 'inspect', {}));
    await send(await a.stepOp('hold', 'R-1', 'inspect', { reason: 'Waiting for parts' }));
    await send(await a.stepOp('release', 'R-2', 'inspect', {}));
    await send(await a.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    await send(await a.stepOp('start', 'R-3', 'connector', {}));
    await send(a.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
    await send(await a.stepOp('reopen', 'R-2', 'inspect', { reason: 'Scratch found' }, 'sup'));

    const response = await sameStation.push(...ops);
    expect(response.results.map((r) => r.outcome.status)).toEqual(Array<string>(ops.length).fill('applied'));
    expect(contents(together)).toEqual(contents(oneByOne));
  });
});
