/**
 * Push throughput of the central server: operations per second when every operation propagates
 * to 10 siblings. The server runs in its own process (as `npm run server` starts it) over a fresh
 * SQLite file; one station pushes alternating hold/release operations on the first step of each
 * batch's lead run, in pushes of 500, over loopback HTTP.
 *
 *   npm run bench:server -- [--ops 10000] [--batches 20]
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createRuns } from '../../../server/seed/createRuns';
import { Store } from '../../../server/storage/store';
import type { Operation } from '../../../shared/schemas/operation';
import { boardV1 } from '../../shared/fixtures';
import { startChildServer } from '../childServer';
import { fixtureAt, seedFixture, tempDir } from '../harness';
import { StationClient } from '../stationClient';

const { values } = parseArgs({ options: { ops: { type: 'string', default: '10000' }, batches: { type: 'string', default: '20' } } });
const total = Number(values.ops);
const batches = Number(values.batches);
const siblings = 10;
const chunk = 500;

const members = (b: number) => Array.from({ length: siblings + 1 }, (_, i) => `T-${String(b)}-${String(i)}`);

const dir = tempDir('lockstep-bench-');
const store = Store.open(dir);
await seedFixture(store);
store.transaction(() => {
  for (let b = 0; b < batches; b++) {
    createRuns(store, boardV1, members(b).map((runId) => ({ runId, title: runId, unitSerial: `SN-${runId}`, at: fixtureAt })));
  }
});
store.close();

const server = await startChildServer(['--data', dir, '--no-demo']);
try {
  const station = await StationClient.enrol(server.url, 'Bench');
  await station.push(...Array.from({ length: batches }, (_, b) => station.batchOp('createBatch', { batchId: `TB-${String(b)}`, title: null, runIds: members(b) })));

  const ops: Operation[] = Array.from({ length: total }, (_, i) => {
    const b = i % batches;
    const [lead = ''] = members(b);
    const envelope = {
      id: `bench-${String(i)}`,
      stationId: station.stationId,
      actorId: 'u-tech',
      at: fixtureAt,
      runId: lead,
      stepId: `${lead}/inspect`,
      seen: { stepVersion: 0, batchId: `TB-${String(b)}`, batchMembers: members(b) },
    };
    return Math.floor(i / batches) % 2 === 0 ? { ...envelope, kind: 'hold', reason: 'Bench' } : { ...envelope, kind: 'release' };
  });

  const started = performance.now();
  let propagated = 0;
  for (let i = 0; i < ops.length; i += chunk) {
    const response = await station.push(...ops.slice(i, i + chunk));
    for (const r of response.results) {
      if (r.outcome.status !== 'applied') throw new Error(`bench op ${r.operationId} was ${r.outcome.status}`);
      propagated += r.outcome.propagatedTo.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${String(total)} operations, each propagated to ${String(propagated / total)} siblings, in ${seconds.toFixed(2)} s: ` +
      `${(total / seconds).toFixed(0)} operations/s (${((total * (siblings + 1)) / seconds).toFixed(0)} step changes/s)`,
  );
} finally {
  server.process.kill('SIGTERM');
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
}
