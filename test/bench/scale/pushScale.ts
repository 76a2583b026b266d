import { cpuSecondsOf, defaultWorkload, median, stopAndClean, timedPush, type PushRun, type PushWorkload } from '../pushDriver';
import { StationClient } from '../../server/stationClient';
import type { ScaleTable } from './table';

export const measuredColumns = ['ops/s (wall)', 'range', 'server CPU µs/op', 'ops/s per server core (CPU-bound)'];

/**
 * Times the workload `repeats` times: wall-clock ops/s (median and range), and the server's CPU
 * time per operation (median), which other load on the machine barely moves; its inverse is
 * what one busy core would carry. `then` runs on the last repeat's server before it stops.
 */
async function measure(w: PushWorkload, repeats: number, then?: (run: PushRun) => Promise<string[]>): Promise<string[]> {
  const rates: number[] = [];
  const cpuPerOp: number[] = [];
  let extra: string[] = [];
  for (let i = 0; i < repeats; i++) {
    const run = await timedPush(w);
    try {
      rates.push(w.total / run.seconds);
      cpuPerOp.push(run.serverCpuSeconds / w.total);
      if (then && i === repeats - 1) extra = await then(run);
    } finally {
      await stopAndClean(run);
    }
  }
  const sorted = [...rates].sort((a, b) => a - b);
  const range = `${(sorted[0] ?? 0).toFixed(0)}–${(sorted.at(-1) ?? 0).toFixed(0)}`;
  const cpu = median(cpuPerOp);
  return [median(rates).toFixed(0), range, (cpu * 1e6).toFixed(0), (1 / cpu).toFixed(0), ...extra];
}

export async function bySiblings(repeats: number): Promise<ScaleTable> {
  const rows: string[][] = [];
  for (const siblings of [10, 50, 100]) {
    rows.push([String(siblings), ...(await measure({ ...defaultWorkload, siblings, total: 2000 }, repeats))]);
  }
  return { title: 'Push throughput vs batch size (2,000 operations in pushes of 500, 20 batches, 1 station)', header: ['siblings', ...measuredColumns], rows };
}

export async function byPlantSize(repeats: number): Promise<ScaleTable> {
  const rows: string[][] = [];
  for (const seedRuns of [0, 10_000, 100_000]) {
    rows.push([seedRuns.toLocaleString('en'), ...(await measure({ ...defaultWorkload, seedRuns }, seedRuns >= 100_000 ? 1 : repeats))]);
  }
  return { title: 'Push throughput vs plant size (5,000 operations, 10 siblings, pushes of 500, 1 station)', header: ['extra runs in the database', ...measuredColumns], rows };
}

export async function byStations(repeats: number): Promise<ScaleTable> {
  const rows: string[][] = [];
  for (const stations of [1, 10, 40]) {
    // Live work: each station pushes every operation as it is made, one per request.
    const live = { ...defaultWorkload, stations, chunk: 1, total: 1200, batches: 40 };
    const measured = await measure(live, repeats);
    rows.push([String(stations), ...measured, (Number(measured[0]) / stations).toFixed(1)]);
  }
  return {
    title: 'Push throughput vs stations pushing at once (1,200 operations, one per push and commit, 10 siblings)',
    header: ['stations', ...measuredColumns, 'ops/s per station'],
    rows,
  };
}

/** Pulls the whole feed from 0 as a new station does, in the station's pages of 500. */
async function pullAll(run: PushRun): Promise<string[]> {
  const station = await StationClient.enrol(run.server.url, 'Catching up');
  const pid = run.server.process.pid ?? 0;
  const cpuBefore = cpuSecondsOf(pid);
  let since = 0;
  let scanned = 0;
  let rows = 0;
  const started = performance.now();
  for (;;) {
    const page = await station.pull(since, 500);
    scanned += page.cursor - since;
    rows += page.changes.length;
    since = page.cursor;
    if (!page.more) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSecondsOf(pid) - cpuBefore;
  return [scanned.toLocaleString('en'), (scanned / seconds).toFixed(0), (rows / seconds).toFixed(0), ((cpu * 1e6) / scanned).toFixed(1), (scanned / cpu).toFixed(0)];
}

export async function byQueue(repeats: number): Promise<ScaleTable> {
  const rows: string[][] = [];
  for (const total of [1000, 5000, 20_000]) {
    // A station back from a day offline pushes its outbox in chunks: 200, the worker's size when
    // docs/scale.md's table was measured (it now pushes 500), kept so the rows stay comparable.
    rows.push([total.toLocaleString('en'), ...(await measure({ ...defaultWorkload, total, chunk: 200 }, total >= 20_000 ? 1 : repeats, pullAll))]);
  }
  return {
    title: 'Catching up: a queued outbox pushed in chunks of 200 (10 siblings), then a new station pulls the whole feed in pages of 500',
    header: ['queued operations', ...measuredColumns, 'feed entries', 'pull entries/s (wall)', 'pull rows sent/s (wall)', 'pull server CPU µs/entry', 'pull entries/s per server core'],
    rows,
  };
}
