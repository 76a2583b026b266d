import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuns } from '../../server/seed/createRuns';
import { Store } from '../../server/storage/store';
import type { Operation } from '../../shared/schemas/operation';
import { boardV1 } from '../shared/fixtures';
import { fixtureAt, seedFixture, tempDir } from './harness';
import { startChildServer, type ChildServer } from './childServer';
import { operationMix } from './opMix';
import { StationClient } from './stationClient';

const dirs: string[] = [];
const children: ChildServer[] = [];
afterAll(() => {
  children.forEach((c) => c.process.kill('SIGKILL'));
  dirs.forEach((d) => { rmSync(d, { recursive: true, force: true }); });
});

/** The test plant plus 60 board runs in six batches of ten: most operations propagate to nine siblings. */
async function preparedDataDir(): Promise<string> {
  const dir = tempDir('lockstep-crash-');
  dirs.push(dir);
  const store = Store.open(dir);
  await seedFixture(store);
  store.transaction(() => {
    createRuns(store, boardV1, Array.from({ length: 60 }, (_, i) => ({ runId: `C-${String(i)}`, title: `Crash ${String(i)}`, unitSerial: `SN-C-${String(i)}`, at: fixtureAt })));
  });
  store.close();
  return dir;
}

const batchOf = (runId: string) => {
  const n = Number(runId.slice(2));
  const first = Math.floor(n / 10) * 10;
  return { batchId: `CB-${String(first / 10)}`, batchMembers: Array.from({ length: 10 }, (_, i) => `C-${String(first + i)}`) };
};

function workload(stationId: string): Operation[] {
  const batches: Operation[] = Array.from({ length: 6 }, (_, b) => ({
    id: `mk-${String(b)}`,
    stationId,
    actorId: 'u-sup',
    at: fixtureAt,
    kind: 'createBatch',
    batchId: `CB-${String(b)}`,
    title: null,
    runIds: batchOf(`C-${String(b * 10)}`).batchMembers,
  }));
  const runIds = Array.from({ length: 60 }, (_, i) => `C-${String(i)}`);
  return [...batches, ...operationMix({ stationId, count: 1994, seed: 99, runIds, seenBatch: batchOf, idPrefix: 'crash' })];
}

/** Everything a station or an auditor can see, without the server's receive times (they differ between runs). */
function dump(dir: string) {
  const store = Store.open(dir);
  try {
    const all = (sql: string) => store.db.prepare(sql).all();
    return {
      runs: all('SELECT id, batch_id, status, body FROM runs ORDER BY id'),
      steps: all('SELECT id, body FROM run_steps ORDER BY id'),
      batches: all('SELECT id, body FROM batches ORDER BY id'),
      signatures: all('SELECT id, body FROM signatures ORDER BY id'),
      audit: all('SELECT id, body FROM audit ORDER BY id'),
      operations: all('SELECT id, station_id, station_seq, status, outcome, needs_review, feed_seq FROM operations ORDER BY id'),
      feed: all('SELECT seq, entity, entity_id, op, station_id FROM feed ORDER BY seq'),
      sequence: all('SELECT station_id, seq, operation_id FROM station_sequence ORDER BY station_id, seq'),
      stations: all('SELECT id, next_seq FROM stations ORDER BY id'),
    };
  } finally {
    store.close();
  }
}

const chunk = 400;

async function pushAll(station: StationClient, ops: readonly Operation[], from = 0): Promise<void> {
  for (let i = from; i < ops.length; i += chunk) {
    const reply = await station.pushEntries(ops.slice(i, i + chunk).map((op, j) => ({ seq: i + j + 1, op })));
    if (reply.status !== 200) throw new Error(`push failed: ${JSON.stringify(reply.body)}`);
  }
}

describe('kill -9 in the middle of a large push', () => {
  it('restarts with nothing half-applied, and a re-send ends exactly like a run without a crash', async () => {
    // The run without a crash.
    const calmDir = await preparedDataDir();
    const calm = await startChildServer(['--data', calmDir, '--no-demo']);
    children.push(calm);
    const calmStation = await StationClient.enrol(calm.url);
    const ops = workload(calmStation.stationId);
    await pushAll(calmStation, ops);
    calm.process.kill('SIGTERM');
    expect(await calm.exited).toBe(0);

    // The same pushes, with the server killed while it applies the third one.
    const crashDir = await preparedDataDir();
    const first = await startChildServer(['--data', crashDir, '--no-demo']);
    children.push(first);
    const station = await StationClient.enrol(first.url);
    expect(station.stationId).toBe(calmStation.stationId);
    await pushAll(station, ops.slice(0, 2 * chunk));
    const inFlight = station.pushEntries(ops.slice(2 * chunk, 3 * chunk).map((op, j) => ({ seq: 2 * chunk + j + 1, op }))).then(
      () => 'answered',
      () => 'lost',
    );
    // A push of 400 operations on six batches takes the server a few tens of milliseconds: kill it
    // just after sending, while it reads or applies the push.
    await new Promise((resolve) => setTimeout(resolve, 3));
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // The answer never came: the station does not know what was applied.
    expect(await inFlight).toBe('lost');

    const restarted = await startChildServer(['--data', crashDir, '--no-demo']);
    children.push(restarted);
    // Nothing half-applied: the station's sequence stands at a push boundary, and every
    // recorded operation has all its feed entries.
    const state = dump(crashDir);
    const next = (state.stations.find((s) => (s as { id: string }).id === station.stationId) as { next_seq: number }).next_seq;
    expect([2 * chunk + 1, 3 * chunk + 1]).toContain(next);
    if (process.env['LOCKSTEP_CRASH_DEBUG']) console.log(`after the kill the station stood at ${String(next)}`);
    expect(state.operations).toHaveLength(next - 1);

    // The station re-sends everything it has no outcome for: from the start of the lost push.
    await pushAll(station.at(restarted.url), ops, 2 * chunk);
    restarted.process.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);

    expect(dump(crashDir)).toEqual(dump(calmDir));
  }, 120_000);
});
