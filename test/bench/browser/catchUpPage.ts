import type { Operation } from '../../../shared/schemas/operation';
import { enqueue } from '../../../renderer/src/store/enqueue';
import { openStationDb } from '../../../renderer/src/store/open';
import { seenFor } from '../../../renderer/src/store/seen';
import { bootstrapFloor, drainFloor } from './catchUpFloor';
import { runsFloor, stationCommit } from './runsFloor';

/**
 * Loaded into an enrolled station's page by the catch-up benchmark (test/bench/catchUp.bench.ts):
 * queues operations through the station's own enqueue, on the station's own IndexedDB, as a
 * technician working offline would. Never part of the station build.
 */

/** The station's database: the one named after its station id. */
async function stationDbName(): Promise<string> {
  const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => /^lockstep-ST/.test(n));
  if (!name) throw new Error('no enrolled station database in this page');
  return name;
}

/**
 * Holds and then releases the first step of `count / 2` bench runs (ids BR-…), one operation at a
 * time, each saved durably before the next. Returns how many were saved.
 */
export async function queueOperations(count: number, actorId: string): Promise<number> {
  const db = await openStationDb(await stationDbName());
  try {
    const stationId = (await db.meta.get('stationId'))?.value;
    if (typeof stationId !== 'string') throw new Error('the station has no id yet');
    const runs = await db.runs.where('id').startsWith('BR-').limit(Math.ceil(count / 2)).toArray();
    if (runs.length * 2 < count) throw new Error(`only ${String(runs.length)} bench runs in the cache; ${String(Math.ceil(count / 2))} needed`);
    let saved = 0;
    for (const [i, run] of runs.entries()) {
      const stepId = run.stepIds[0];
      if (stepId === undefined) throw new Error(`run ${run.id} has no steps`);
      for (const kind of ['hold', 'release'] as const) {
        if (saved === count) break;
        const base = { id: `${stationId}-catchup-${String(i)}-${kind}`, stationId, actorId, at: new Date().toISOString(), runId: run.id, stepId, seen: await seenFor(db, run.id, stepId) };
        const op: Operation = kind === 'hold' ? { ...base, kind, reason: 'Catch-up benchmark' } : { ...base, kind };
        const result = await enqueue(db, op);
        if (!result.ok) throw new Error(`${op.kind} on ${run.id} was refused: ${result.outcome.reason}`);
        saved += 1;
      }
    }
    return saved;
  } finally {
    db.close();
  }
}

/**
 * The station's database, opened once for the polls: a poll every 200 ms must not load what it
 * measures (opening a connection, or counting 100,000 runs, costs the IndexedDB backend the
 * bootstrap is waiting on).
 */
let polled: ReturnType<typeof openStationDb> | null = null;
const polledDb = () => (polled ??= stationDbName().then(openStationDb));

/** The feed position the cache holds, and whether any operation still waits in the outbox. */
export async function progress(): Promise<{ cursor: number; waiting: boolean }> {
  const db = await polledDb();
  const [cursor, firstWaiting] = await Promise.all([db.meta.get('cursor'), db.outbox.limit(1).primaryKeys()]);
  return { cursor: typeof cursor?.value === 'number' ? cursor.value : 0, waiting: firstWaiting.length > 0 };
}

/** How many operations wait in the outbox, and how many runs the cache holds: counted once, not polled. */
export async function counts(): Promise<{ waiting: number; runs: number }> {
  const db = await polledDb();
  const [waiting, runs] = await Promise.all([db.outbox.count(), db.runs.count()]);
  return { waiting, runs };
}

/** The raw IndexedDB write of the run rows the station holds (runsFloor.ts): the bootstrap's floor. */
export async function rawRunsWrite(): Promise<{ ms: number; rows: number }> {
  return runsFloor(await stationDbName());
}

/** The station's own commit (applyServerPage) of the same run rows, into a fresh station database. */
export async function stationRunsCommit(): Promise<{ ms: number; rows: number }> {
  return stationCommit(await stationDbName());
}

/** The raw IndexedDB write of every row the bootstrap left in the cache (catchUpFloor.ts). */
export async function rawBootstrapWrite(): Promise<{ ms: number; rows: number }> {
  return bootstrapFloor(await stationDbName());
}

/** The raw IndexedDB write of every row the drain of queueOperations' operations left (catchUpFloor.ts). */
export async function rawDrainWrite(): Promise<{ ms: number; rows: number }> {
  const stationId = (await (await polledDb()).meta.get('stationId'))?.value;
  if (typeof stationId !== 'string') throw new Error('the station has no id yet');
  return drainFloor(await stationDbName(), `${stationId}-catchup-`);
}
