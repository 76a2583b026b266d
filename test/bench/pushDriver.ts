import { readFileSync, rmSync } from 'node:fs';
import { createRuns } from '../../server/seed/createRuns';
import { Store } from '../../server/storage/store';
import type { Operation } from '../../shared/schemas/operation';
import { startChildServer, type ChildServer } from '../server/childServer';
import { fixtureAt, seedFixture, tempDir } from '../server/harness';
import { StationClient } from '../server/stationClient';
import { boardV1 } from '../shared/fixtures';

/** One push workload: batches of `siblings + 1` runs, hold/release on a lead step, pushed in chunks. */
export interface PushWorkload {
  /** Operations pushed in the timed part. */
  total: number;
  /** Each operation propagates to this many sibling runs. */
  siblings: number;
  /** Operations per push request (one transaction each). */
  chunk: number;
  /** Stations pushing at once, each to its own batches. */
  stations: number;
  /** Batches the operations cycle over (at least one per station). */
  batches: number;
  /** Extra runs of the smallest demo procedure in the database (`--seed-runs`). */
  seedRuns: number;
  /** Flags for the server's Node process (`--cpu-prof`, say). */
  nodeArgs: readonly string[];
}

export const defaultWorkload: PushWorkload = { total: 5000, siblings: 10, chunk: 500, stations: 1, batches: 20, seedRuns: 0, nodeArgs: [] };

export interface PushRun {
  seconds: number;
  /** CPU time the server process used during the timed part (user + system). */
  serverCpuSeconds: number;
  dataDir: string;
  server: ChildServer;
}

/**
 * CPU seconds a process has used so far (Linux /proc): unlike wall time it barely moves when
 * other work on the machine takes the cores, so it compares runs made under different load.
 */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

const membersOf = (siblings: number, b: number) => Array.from({ length: siblings + 1 }, (_, i) => `T-${String(b)}-${String(i)}`);

/** Seeds a data folder with the fixture users and procedures and the workload's batched runs. */
export async function seedWorkload(w: PushWorkload): Promise<string> {
  const dir = tempDir('lockstep-bench-');
  const store = Store.open(dir);
  try {
    await seedFixture(store);
    store.transaction(() => {
      for (let b = 0; b < w.batches; b++) {
        createRuns(store, boardV1, membersOf(w.siblings, b).map((runId) => ({ runId, title: runId, unitSerial: `SN-${runId}`, at: fixtureAt })));
      }
    });
  } finally {
    store.close();
  }
  return dir;
}

/** The operations one station pushes: alternately hold and release the lead run's first step, batch by batch. */
function operationsFor(station: StationClient, w: PushWorkload, batchIds: readonly number[], count: number, prefix: string): Operation[] {
  return Array.from({ length: count }, (_, i) => {
    const b = batchIds[i % batchIds.length] ?? 0;
    const members = membersOf(w.siblings, b);
    const lead = members[0] ?? '';
    const envelope = {
      id: `bench-${prefix}-${String(i)}`,
      stationId: station.stationId,
      actorId: 'u-tech',
      at: fixtureAt,
      runId: lead,
      stepId: `${lead}/inspect`,
      seen: { stepVersion: 0, batchId: `TB-${String(b)}`, batchMembers: members },
    };
    return Math.floor(i / batchIds.length) % 2 === 0 ? { ...envelope, kind: 'hold', reason: 'Bench' } : { ...envelope, kind: 'release' };
  });
}

/**
 * Starts a server process on a seeded folder, batches the runs, then times `w.total` operations
 * pushed over loopback by `w.stations` stations at once (each waiting for its answer before its
 * next push, as a station does). The caller stops the server and removes the folder.
 */
export async function timedPush(w: PushWorkload): Promise<PushRun> {
  const batches = Math.max(w.batches, w.stations);
  const workload = { ...w, batches };
  const dataDir = await seedWorkload(workload);
  const serverArgs = ['--data', dataDir, '--no-demo', ...(w.seedRuns > 0 ? ['--seed-runs', String(w.seedRuns)] : [])];
  const server = await startChildServer(serverArgs, 600_000, w.nodeArgs);
  const stations = await Promise.all(Array.from({ length: w.stations }, (_, s) => StationClient.enrol(server.url, `Bench ${String(s)}`)));
  const plans = stations.map((station, s) => {
    const mine = Array.from({ length: batches }, (_, b) => b).filter((b) => b % w.stations === s);
    return { station, mine, ops: operationsFor(station, workload, mine, Math.ceil(w.total / w.stations), String(s)) };
  });
  for (const { station, mine } of plans) {
    await station.push(...mine.map((b) => station.batchOp('createBatch', { batchId: `TB-${String(b)}`, title: null, runIds: membersOf(w.siblings, b) })));
  }
  const pid = server.process.pid ?? 0;
  const cpuBefore = cpuSecondsOf(pid);
  const started = performance.now();
  await Promise.all(
    plans.map(async ({ station, ops }) => {
      for (let i = 0; i < ops.length; i += w.chunk) {
        const response = await station.push(...ops.slice(i, i + w.chunk));
        if (response.results.some((r) => r.outcome.status !== 'applied' || r.outcome.propagatedTo.length !== w.siblings)) {
          throw new Error('a bench operation did not propagate to every sibling');
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, serverCpuSeconds: cpuSecondsOf(pid) - cpuBefore, dataDir, server };
}

export async function stopAndClean(run: PushRun, keepData = false): Promise<void> {
  run.server.process.kill('SIGTERM');
  await run.server.exited;
  if (!keepData) rmSync(run.dataDir, { recursive: true, force: true });
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
